import "server-only";
// The day aggregates of a report: finished days from the store when they are there, the rest read
// from K-LINK (readDay) with at most REPORT_CALLS_IN_FLIGHT calls at a time across all days and
// pages, and finished days that were read whole and fresh stored for next time. A day K-LINK
// could not give is reported as missing, with its failure; the others are still returned.
import pLimit from "p-limit";
import { dateIn } from "../console/zoned-time";
import type { KlinkRead, ReadContext, ReadFailure } from "../console/read-klink";
import { db, type Db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { logger } from "../log/logger";
import { aggregateDay, type DayAggregate } from "./day-aggregate";
import { loadStoredDays, storeDay } from "./day-store";
import { readFinishedDay, type DayOutcome } from "./cached-day";
import { readDay, type DayRead, type Limit } from "./read-day";

export const REPORT_CALLS_IN_FLIGHT = 4;

export type ComputedDays = {
  aggregates: DayAggregate[];
  failures: { day: string; failure: ReadFailure }[];
  reads: KlinkRead<unknown>[];
  /** How many days came from the store, the cache (whole-day aggregates) and K-LINK. */
  sources: { stored: number; cached: number; klink: number };
};

/** A limit on K-LINK calls in flight, shared by every day of one report. */
export function reportLimit(): Limit {
  const limit = pLimit(REPORT_CALLS_IN_FLIGHT);
  return (task) => limit(task);
}

export function isFinishedDay(day: string, timeZone: string, now: Date): boolean {
  return day < dateIn(timeZone, now);
}

export async function computeDays(
  context: ReadContext,
  options: { timeZone: string; days: readonly string[]; now: Date; limit: Limit; database?: Db },
): Promise<ComputedDays> {
  assertReader(context.actor);
  const database = options.database ?? db();
  const { timeZone, limit } = options;
  const connectionId = context.connectionId;
  const finished = options.days.filter((d) => isFinishedDay(d, timeZone, options.now));
  // Today (and any later day) is read at once, while the finished days are looked up.
  const unfinished = options.days
    .filter((d) => !isFinishedDay(d, timeZone, options.now))
    .map(async (day) => fromUnfinished(await readDay(context, timeZone, day, limit), timeZone));
  const stored = connectionId
    ? await loadStoredDays(database, connectionId, timeZone, finished)
    : new Map<string, DayAggregate>();
  const toRead = finished
    .filter((d) => !stored.has(d))
    .map((day) =>
      connectionId
        ? readFinishedDay({ ...context, connectionId }, timeZone, day, limit)
        : readDay(context, timeZone, day, limit).then((read) => fromUnfinished(read, timeZone)),
    );
  const outcomes = await Promise.all([...toRead, ...unfinished]);

  const computed: ComputedDays = {
    aggregates: [...stored.values()],
    failures: [],
    reads: [],
    sources: { stored: stored.size, cached: 0, klink: 0 },
  };
  for (const outcome of outcomes) {
    computed.reads.push(...outcome.reads);
    if (!outcome.ok) {
      computed.failures.push({ day: outcome.day, failure: outcome.failure });
      continue;
    }
    computed.aggregates.push(outcome.aggregate);
    computed.sources[outcome.fromKlink ? "klink" : "cached"]++;
    if (connectionId && outcome.storable && isFinishedDay(outcome.day, timeZone, options.now)) {
      try {
        await storeDay(database, connectionId, timeZone, outcome.aggregate);
      } catch (error) {
        // The report is still right; the day is read again next time.
        logger.warn({ err: error, day: outcome.day }, "storing a report day failed");
      }
    }
  }
  computed.aggregates.sort((a, b) => a.day.localeCompare(b.day));
  return computed;
}

/** A day that is not over yet: read from K-LINK, never cached as a whole nor stored. */
function fromUnfinished(read: DayRead, timeZone: string): DayOutcome {
  if (!read.ok) return read;
  return {
    ok: true,
    day: read.day,
    aggregate: aggregateDay(read.day, timeZone, read.logs),
    reads: read.reads,
    fromKlink: true,
    storable: false,
  };
}

function assertReader(actor: Actor): void {
  // Stored days are K-LINK data: the same role as reading CX logs (the registry's cxLogs.list).
  assertRole(actor, "viewer");
}
