import "server-only";
// The loops every console instance runs beside serving requests: the webhook processing sweep
// (retries, and deliveries a stopped instance left unprocessed) and the webhook retention purge.
// Several instances may run them at once: claims and deletes are safe to race.
import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../log/logger";
import { purgeDeliveries } from "../webhooks/purge-deliveries";
import { webhookProcessor } from "../webhooks/webhook-runtime";

const SWEEP_INTERVAL_MS = 5_000;
const PURGE_INTERVAL_MS = 60 * 60_000;

const globalForJobs = globalThis as unknown as { klinkConsoleJobsStarted?: boolean };

export function startBackgroundJobs(): void {
  if (globalForJobs.klinkConsoleJobsStarted) return;
  globalForJobs.klinkConsoleJobsStarted = true;
  webhookProcessor().start(SWEEP_INTERVAL_MS);
  const purge = async () => {
    try {
      const deleted = await purgeDeliveries(db(), env().WEBHOOK_RETENTION_DAYS);
      if (deleted) logger.info({ deleted, retentionDays: env().WEBHOOK_RETENTION_DAYS }, "webhook deliveries purged");
    } catch (error) {
      logger.warn({ err: error }, "webhook retention purge failed; next try in an hour");
    }
  };
  void purge();
  setInterval(purge, PURGE_INTERVAL_MS).unref();
}
