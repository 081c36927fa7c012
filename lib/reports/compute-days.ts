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
import { readDay, type Limit } from "./read-day";

export const REPORT_CALLS_IN_FLIGHT = 4;

export type ComputedDays = {
  aggregates: DayAggregate[];
  failures: { day: string; failure: ReadFailure }[];
  reads: KlinkRead<unknown>[];
  /** How many days came from the store, and how many were read from K-LINK. */
  sources: { stored: number; klink: number };
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
  const finished = options.days.filter((d) => isFinishedDay(d, options.timeZone, options.now));
  const stored = context.connectionId
    ? await loadStoredDays(database, context.connectionId, options.timeZone, finished)
    : new Map<string, DayAggregate>();
  const toRead = options.days.filter((d) => !stored.has(d));
  const results = await Promise.all(toRead.map((day) => readDay(context, options.timeZone, day, options.limit)));

  const computed: ComputedDays = {
    aggregates: [...stored.values()],
    failures: [],
    reads: [],
    sources: { stored: stored.size, klink: 0 },
  };
  for (const result of results) {
    computed.reads.push(...result.reads);
    if (!result.ok) {
      computed.failures.push({ day: result.day, failure: result.failure });
      continue;
    }
    const aggregate = aggregateDay(result.day, options.timeZone, result.logs);
    computed.aggregates.push(aggregate);
    computed.sources.klink++;
    const fresh = result.reads.every((r) => r.ok && r.freshness.cacheState !== "STALE");
    const firstRead = result.reads[0];
    const connectionId = firstRead?.ok ? firstRead.connectionId : null;
    if (connectionId && result.complete && fresh && isFinishedDay(result.day, options.timeZone, options.now)) {
      try {
        await storeDay(database, connectionId, options.timeZone, aggregate);
      } catch (error) {
        // The report is still right; the day is read again next time.
        logger.warn({ err: error, day: result.day }, "storing a report day failed");
      }
    }
  }
  computed.aggregates.sort((a, b) => a.day.localeCompare(b.day));
  return computed;
}

function assertReader(actor: Actor): void {
  // Stored days are K-LINK data: the same role as reading CX logs (the registry's cxLogs.list).
  assertRole(actor, "viewer");
}
