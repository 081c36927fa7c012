import "server-only";
// Processes stored deliveries after they were acknowledged: invalidates the cache entries the
// event affects and publishes a live event. Works only from the stored rows, so a restart (or
// another instance) resumes whatever was not finished.
//
// Claiming: a row is taken with one conditional UPDATE (status pending/processing, lease free,
// retry due) that sets a lease (lockedUntil). Only the instance whose UPDATE changed the row
// processes it; an instance that dies mid-way leaves a lease that expires and the row is taken
// again. Finishing is conditional on still holding the same lease.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import type { LiveEvent } from "../events/live-event";
import { logger } from "../log/logger";
import { eventEffects } from "./event-effects";

export type InvalidateTags = (connectionId: string, tags: string[]) => Promise<void>;
export type PublishLiveEvent = (event: LiveEvent) => Promise<void>;

export type DeliveryProcessorOptions = {
  db: Db;
  invalidate: InvalidateTags;
  publish: PublishLiveEvent;
  /** How long a claimed row stays reserved for the instance that claimed it. */
  leaseMs?: number;
  /** Attempts before a delivery ends as `failed`. */
  maxAttempts?: number;
  /** Wait before attempt n+1 after attempt n failed. */
  backoffMs?: (attempt: number) => number;
  batchSize?: number;
  now?: () => Date;
};

export type ReplayOutcome =
  | { kind: "done"; status: "processed" | "failed" | "pending"; lastError: string | null }
  | { kind: "not_found" }
  | { kind: "not_replayable"; reason: string }
  | { kind: "busy" };

export type DeliveryProcessor = {
  /** Schedules a drain now (coalesced with one already running). */
  kick(): void;
  /** Processes every row that can be claimed now; resolves with how many were processed. */
  drain(): Promise<number>;
  /** Runs processing again for one verified delivery, whatever its status, and waits for it. */
  replay(deliveryId: string): Promise<ReplayOutcome>;
  /** Starts the periodic sweep (retries, and rows left behind by a stopped instance). */
  start(sweepIntervalMs: number): void;
  stop(): Promise<void>;
};

type ClaimedRow = { id: string; connectionId: string; eventType: string | null; rawBody: string | null; attempts: number };

const defaultBackoff = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 10 * 60_000);
const MAX_ERROR_LENGTH = 500;

export function createDeliveryProcessor(options: DeliveryProcessorOptions): DeliveryProcessor {
  const rows = options.db.webhookDelivery;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const batchSize = options.batchSize ?? 50;
  const now = options.now ?? (() => new Date());

  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const claimable = (at: Date): Prisma.WebhookDeliveryWhereInput => ({
    status: { in: ["pending", "processing"] },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }],
    AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: at } }] }],
  });

  async function claim(id: string, where: Prisma.WebhookDeliveryWhereInput): Promise<Date | null> {
    const at = now();
    const lease = new Date(at.getTime() + leaseMs);
    const { count } = await rows.updateMany({
      where: { id, ...where },
      data: { status: "processing", lockedUntil: lease, nextAttemptAt: null, attempts: { increment: 1 } },
    });
    return count === 1 ? lease : null;
  }

  async function processClaimed(row: ClaimedRow, lease: Date): Promise<"processed" | "failed" | "pending"> {
    const attempt = row.attempts;
    let outcome: "processed" | "failed" | "pending";
    let data: Prisma.WebhookDeliveryUpdateManyMutationInput;
    try {
      await applyEffects(row);
      outcome = "processed";
      data = { status: outcome, processedAt: now(), lockedUntil: null, nextAttemptAt: null, lastError: null };
    } catch (error) {
      outcome = attempt >= maxAttempts ? "failed" : "pending";
      const lastError = errorText(error);
      data = outcome === "failed"
        ? { status: outcome, lockedUntil: null, lastError }
        : { status: outcome, lockedUntil: null, lastError, nextAttemptAt: new Date(now().getTime() + backoffMs(attempt)) };
      logger.warn({ deliveryId: row.id, attempt, outcome, error: lastError }, "webhook delivery processing failed");
    }
    await rows.updateMany({ where: { id: row.id, lockedUntil: lease }, data });
    return outcome;
  }

  async function applyEffects(row: ClaimedRow): Promise<void> {
    if (row.rawBody === null || !row.eventType) throw new Error("The delivery has no stored body to process.");
    const data = (JSON.parse(row.rawBody) as { data?: unknown }).data;
    const effects = eventEffects(row.eventType, data);
    if (effects.tags.length) await options.invalidate(row.connectionId, effects.tags);
    if (effects.live) await options.publish({ ...effects.live, connectionId: row.connectionId, deliveryId: row.id, at: now().toISOString() });
  }

  async function drainOnce(): Promise<number> {
    let processed = 0;
    for (;;) {
      const at = now();
      const candidates = await rows.findMany({
        where: claimable(at),
        orderBy: { receivedAt: "asc" },
        take: batchSize,
        select: { id: true, connectionId: true, eventType: true, rawBody: true, attempts: true },
      });
      if (candidates.length === 0) return processed;
      let claimedAny = false;
      for (const candidate of candidates) {
        const lease = await claim(candidate.id, claimable(now()));
        if (!lease) continue;
        claimedAny = true;
        await processClaimed({ ...candidate, attempts: candidate.attempts + 1 }, lease);
        processed++;
      }
      // Another instance took this whole batch: what it left is for the next kick or sweep.
      if (!claimedAny) return processed;
    }
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await drainOnce();
        } while (again);
      } catch (error) {
        logger.error({ err: error }, "webhook processing could not read its queue");
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  async function replay(deliveryId: string): Promise<ReplayOutcome> {
    const row = await rows.findUnique({
      where: { id: deliveryId },
      select: { id: true, connectionId: true, eventType: true, rawBody: true, attempts: true, verification: true, status: true },
    });
    if (!row) return { kind: "not_found" };
    // A forged, malformed, duplicate or too-old delivery must never have an effect.
    if (row.verification !== "verified" || row.status === "rejected" || row.status === "duplicate") {
      const reason = row.status === "duplicate"
        ? "A duplicate delivery is never processed; replay the original instead."
        : `This delivery was rejected (${row.verification === "verified" ? "outside the retention window" : row.verification}) and is never processed.`;
      return { kind: "not_replayable", reason };
    }
    const lease = await claim(row.id, { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now() } }] });
    if (!lease) return { kind: "busy" };
    const status = await processClaimed({ ...row, attempts: row.attempts + 1 }, lease);
    const after = await rows.findUnique({ where: { id: row.id }, select: { lastError: true } });
    return { kind: "done", status, lastError: after?.lastError ?? null };
  }

  return {
    kick: () => void drain(),
    drain,
    replay,
    start(sweepIntervalMs) {
      if (timer) return;
      timer = setInterval(() => void drain(), sweepIntervalMs);
      timer.unref();
      void drain();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] || "Unknown error").slice(0, MAX_ERROR_LENGTH);
}
