import "server-only";
// Processes stored deliveries after they were acknowledged: invalidates the cache entries the
// event affects and publishes a live event. Works only from stored rows, so a restart (or
// another instance) resumes whatever was not finished.
//
// Claiming: a row belongs to the instance that set its lease (lockedUntil), either when it
// inserted the row (the fast path: the receiving instance processes what it just stored, from
// memory) or with one conditional UPDATE over a batch of pending rows and rows whose lease ran
// out (the sweep: retries, and rows left behind by a stopped instance; lib/db/lease-claims.ts). A row is only finished by the instance
// that holds its lease; effects are idempotent, so even a lease lost mid-way does no harm.
import type { Db } from "../db/client";
import type { DatabaseProvider } from "../db/provider";
import type { Prisma } from "../db/generated/sqlite/client";
import type { LiveEvent } from "../events/live-event";
import { logger } from "../log/logger";
import { claimCandidates, claimableWhere, unleasedWhere } from "../db/lease-claims";
import { markProcessed } from "./delivery-sql";
import { eventEffects } from "./event-effects";
import { learnFromEvent } from "../klink-data/ticket-number-index";

export type InvalidateTags = (connectionId: string, tags: string[]) => Promise<void>;
export type PublishLiveEvent = (event: LiveEvent) => Promise<void>;

export type DeliveryProcessorOptions = {
  db: Db;
  provider: DatabaseProvider;
  invalidate: InvalidateTags;
  publish: PublishLiveEvent;
  /** Run once per batch with the live events just published (followers' notifications, collision
   * records); a failure retries those deliveries. */
  afterPublish?: (events: LiveEvent[]) => Promise<void>;
  /** More effects of accepted events (e.g. stored report days a message makes stale); a failure retries the delivery. */
  onEvents?: (events: AcceptedEvent[]) => Promise<void>;
  /** Also run for every accepted event before it counts as processed (forwarding writes its
   * outbox here); must be idempotent, since a failed batch runs again. */
  fanOut?: (deliveries: ClaimedDelivery[]) => Promise<void>;
  /** How long a claimed row stays reserved for the instance that claimed it. */
  leaseMs?: number;
  /** Attempts before a delivery ends as `failed`. */
  maxAttempts?: number;
  /** Wait before attempt n+1 after attempt n failed. */
  backoffMs?: (attempt: number) => number;
  batchSize?: number;
  /** Accepted deliveries waiting in memory; beyond this, new rows wait for the sweep instead. */
  maxQueued?: number;
  /** How long the in-memory queue gathers deliveries before processing a batch. */
  gatherMs?: number;
  now?: () => Date;
};

export type AcceptedEvent = { connectionId: string; eventType: string; data: unknown; processedAt: Date };

/** A row this instance holds the lease of, with what processing needs. */
export type ClaimedDelivery = {
  id: string;
  connectionId: string;
  eventType: string | null;
  rawBody: string | null;
  attempts: number;
  lease: Date;
};

export type ReplayOutcome =
  | { kind: "done"; status: FinishedStatus; lastError: string | null }
  | { kind: "not_found" }
  | { kind: "not_replayable"; reason: string }
  | { kind: "busy" };

type FinishedStatus = "processed" | "failed" | "pending";

export type DeliveryProcessor = {
  /** The lease for a row about to be inserted already claimed, or null to leave it to the sweep. */
  leaseForNewRow(): Date | null;
  /** Queues a row inserted with that lease for processing right away. */
  enqueue(delivery: ClaimedDelivery): void;
  /** Claims and processes every row that can be claimed now; resolves with how many were processed. */
  drain(): Promise<number>;
  /** Waits until the in-memory queue is empty. */
  idle(): Promise<void>;
  /** Runs processing again for one verified delivery, whatever its status, and waits for it. */
  replay(deliveryId: string): Promise<ReplayOutcome>;
};

const defaultBackoff = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 10 * 60_000);
const MAX_ERROR_LENGTH = 500;
const CLAIM_FIELDS = { id: true, connectionId: true, eventType: true, rawBody: true, attempts: true } as const;

export function createDeliveryProcessor(options: DeliveryProcessorOptions): DeliveryProcessor {
  const rows = options.db.webhookDelivery;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const batchSize = options.batchSize ?? 50;
  const maxQueued = options.maxQueued ?? 5_000;
  const gatherMs = options.gatherMs ?? 20;
  const now = options.now ?? (() => new Date());
  // Queued rows whose lease is this close to running out are left to the sweep, so two
  // instances never work on one row at the same time.
  const safetyMs = Math.min(leaseMs / 2, 10_000);

  const queue: ClaimedDelivery[] = [];
  let worker: Promise<void> | null = null;
  let sweeping: Promise<number> | null = null;
  let sweepAgain = false;

  const claimable = (at: Date): Prisma.WebhookDeliveryWhereInput => claimableWhere(at);

  /** Claims those of `candidates` that `where` still matches, in one statement (lib/db/lease-claims.ts). */
  async function claim(
    candidates: Omit<ClaimedDelivery, "lease">[],
    where: Prisma.WebhookDeliveryWhereInput,
  ): Promise<ClaimedDelivery[]> {
    const lease = new Date(now().getTime() + leaseMs);
    return claimCandidates((args) => rows.updateManyAndReturn(args), candidates, where, lease);
  }

  /** Applies the effects of a batch and records the result of each row. */
  async function processBatch(batch: ClaimedDelivery[]): Promise<Map<string, FinishedStatus>> {
    const failures = new Map<string, string>();
    const planned = batch.map((row) => {
      try {
        if (row.rawBody === null || !row.eventType) throw new Error("The delivery has no stored body to process.");
        const data = (JSON.parse(row.rawBody) as { data?: unknown }).data;
        learnFromEvent(row.connectionId, row.eventType, data);
        return { row, data, effects: eventEffects(row.eventType, data) };
      } catch (error) {
        failures.set(row.id, errorText(error));
        return null;
      }
    });
    const ok = planned.filter((p): p is NonNullable<typeof p> => p !== null);

    // One invalidation per connection for the whole batch (a Redis round trip each).
    const tagsByConnection = new Map<string, Set<string>>();
    for (const { row, effects } of ok) {
      const tags = tagsByConnection.get(row.connectionId) ?? new Set<string>();
      effects.tags.forEach((t) => tags.add(t));
      tagsByConnection.set(row.connectionId, tags);
    }
    for (const [connectionId, tags] of tagsByConnection) {
      if (tags.size === 0) continue;
      try {
        await options.invalidate(connectionId, [...tags]);
      } catch (error) {
        for (const { row } of ok) if (row.connectionId === connectionId) failures.set(row.id, errorText(error));
      }
    }
    const accepted = ok.filter(({ row, effects }) => effects.known && !failures.has(row.id));
    if (options.onEvents && accepted.length) {
      try {
        await options.onEvents(
          accepted.map(({ row, data }) => ({
            connectionId: row.connectionId,
            eventType: row.eventType!,
            data,
            processedAt: now(),
          })),
        );
      } catch (error) {
        for (const { row } of accepted) failures.set(row.id, errorText(error));
      }
    }
    const published: { row: ClaimedDelivery; event: LiveEvent }[] = [];
    await Promise.all(
      ok.map(async ({ row, effects }) => {
        if (!effects.live || failures.has(row.id)) return;
        const event: LiveEvent = {
          ...effects.live,
          connectionId: row.connectionId,
          deliveryId: row.id,
          at: now().toISOString(),
        };
        try {
          await options.publish(event);
          published.push({ row, event });
        } catch (error) {
          failures.set(row.id, errorText(error));
        }
      }),
    );
    if (options.afterPublish && published.length) {
      try {
        await options.afterPublish(published.map((p) => p.event));
      } catch (error) {
        for (const { row } of published) failures.set(row.id, errorText(error));
      }
    }
    const fanOut = options.fanOut;
    const fannedOut = ok.map(({ row }) => row).filter((row) => !failures.has(row.id));
    if (fanOut && fannedOut.length) {
      try {
        await fanOut(fannedOut);
      } catch (error) {
        for (const row of fannedOut) failures.set(row.id, errorText(error));
      }
    }
    return finish(batch, failures);
  }

  async function finish(batch: ClaimedDelivery[], failures: Map<string, string>): Promise<Map<string, FinishedStatus>> {
    const result = new Map<string, FinishedStatus>();
    const processedIds = batch.filter((row) => !failures.has(row.id)).map((row) => row.id);
    if (processedIds.length) {
      // Rows whose lease another instance took over meanwhile are finished by that instance.
      await markProcessed(
        options.db,
        options.provider,
        processedIds,
        batch.map((r) => r.lease),
        now(),
      );
      for (const id of processedIds) result.set(id, "processed");
    }
    for (const row of batch) {
      const lastError = failures.get(row.id);
      if (lastError === undefined) continue;
      const final = row.attempts >= maxAttempts;
      await rows.updateMany({
        where: { id: row.id, lockedUntil: row.lease },
        data: final
          ? { status: "failed", lockedUntil: null, lastError }
          : {
              status: "pending",
              lockedUntil: null,
              lastError,
              nextAttemptAt: new Date(now().getTime() + backoffMs(row.attempts)),
            },
      });
      result.set(row.id, final ? "failed" : "pending");
      logger.warn(
        { deliveryId: row.id, attempt: row.attempts, outcome: final ? "failed" : "retry", lastError },
        "webhook delivery processing failed",
      );
    }
    return result;
  }

  function runWorker(): void {
    if (worker) return;
    worker = (async () => {
      // Waiting a moment lets a burst gather into one batch: one finishing UPDATE and one
      // invalidation per connection for many deliveries, which keeps acks fast under load.
      await new Promise((resolve) => setTimeout(resolve, gatherMs));
      while (queue.length) {
        const soon = now().getTime() + safetyMs;
        const batch = queue.splice(0, batchSize).filter((row) => row.lease.getTime() > soon);
        if (!batch.length) continue;
        try {
          await processBatch(batch);
        } catch (error) {
          // The rows keep their lease; once it runs out the sweep takes them again.
          logger.error({ err: error }, "webhook processing could not record its results");
        }
      }
    })().finally(() => {
      worker = null;
    });
  }

  async function sweepOnce(): Promise<number> {
    let processed = 0;
    for (;;) {
      const candidates = await rows.findMany({
        where: claimable(now()),
        orderBy: { receivedAt: "asc" },
        take: batchSize,
        select: CLAIM_FIELDS,
      });
      if (candidates.length === 0) return processed;
      const claimed = await claim(candidates, claimable(now()));
      // Another instance took this whole batch: what it left is for the next sweep.
      if (claimed.length === 0) return processed;
      await processBatch(claimed);
      processed += claimed.length;
    }
  }

  function drain(): Promise<number> {
    if (sweeping) {
      sweepAgain = true;
      return sweeping;
    }
    sweeping = (async () => {
      let total = 0;
      try {
        do {
          sweepAgain = false;
          total += await sweepOnce();
        } while (sweepAgain);
      } catch (error) {
        logger.error({ err: error }, "webhook processing sweep failed");
      } finally {
        sweeping = null;
      }
      return total;
    })();
    return sweeping;
  }

  async function replay(deliveryId: string): Promise<ReplayOutcome> {
    const row = await rows.findUnique({
      where: { id: deliveryId },
      select: { ...CLAIM_FIELDS, verification: true, status: true },
    });
    if (!row) return { kind: "not_found" };
    // A forged, malformed, duplicate or too-old delivery must never have an effect.
    if (row.verification !== "verified" || row.status === "rejected" || row.status === "duplicate") {
      const reason =
        row.status === "duplicate"
          ? "A duplicate delivery is never processed; replay the original instead."
          : `This delivery was rejected (${row.verification === "verified" ? "outside the retention window" : row.verification}) and is never processed.`;
      return { kind: "not_replayable", reason };
    }
    const [claimed] = await claim([row], unleasedWhere(now()));
    if (!claimed) return { kind: "busy" };
    const status = (await processBatch([claimed])).get(row.id) ?? "pending";
    const after = await rows.findUnique({ where: { id: row.id }, select: { lastError: true } });
    return { kind: "done", status, lastError: after?.lastError ?? null };
  }

  return {
    leaseForNewRow: () => (queue.length >= maxQueued ? null : new Date(now().getTime() + leaseMs)),
    enqueue(delivery) {
      queue.push(delivery);
      runWorker();
    },
    drain,
    async idle() {
      while (worker) await worker;
    },
    replay,
  };
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] || "Unknown error").slice(0, MAX_ERROR_LENGTH);
}
