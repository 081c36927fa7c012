import "server-only";
// The audit purge, run by the server process itself: a few minutes after start, then every six
// hours. Several instances may purge at once; deleting what is already gone is harmless.
import { logger } from "../log/logger";
import { purgeAudit } from "./purge-audit";

const FIRST_RUN_AFTER_MS = 5 * 60 * 1000;
const EVERY_MS = 6 * 60 * 60 * 1000;

const holder = globalThis as typeof globalThis & { __klinkConsoleAuditPurge?: NodeJS.Timeout };

async function runOnce(): Promise<void> {
  try {
    const deleted = await purgeAudit();
    if (deleted > 0) logger.info({ deleted }, "audit records past retention deleted");
  } catch (error) {
    logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      "audit purge failed; it will run again",
    );
  }
}

/** Starts the schedule once per process; timers do not keep the process alive. */
export function scheduleAuditPurge(): void {
  if (holder.__klinkConsoleAuditPurge) return;
  holder.__klinkConsoleAuditPurge = setTimeout(() => {
    void runOnce();
    setInterval(() => void runOnce(), EVERY_MS).unref();
  }, FIRST_RUN_AFTER_MS);
  holder.__klinkConsoleAuditPurge.unref();
}
