import "server-only";
// A finished day's aggregate through the cache (read-through, like every K-LINK read): a second
// view of a month then touches neither K-LINK nor its 100-log pages, only one small entry per
// day. Kept as long as finished CX-log pages are (lib/klink/cx-log-cache.ts), with the same
// UTC-date tags, so a message webhook or a recompute drops both. Only an aggregate read whole
// and fresh is cached; when K-LINK fails, an older cached aggregate is shown as stale.
import { cacheKey } from "../cache/cache-key";
import { getCache } from "../cache/get-cache";
import { readThrough } from "../cache/read-through";
import type { KlinkRead } from "../console/read-klink";
import { FINISHED_CX_LOG_CACHE, cxLogUtcDayTag, utcDatesBetween } from "../klink/cx-log-cache";
import { zonedTimeToUtc } from "../klink/zoned-clock";
import type { ReadContext } from "../console/read-klink";
import { aggregateDay, type DayAggregate } from "./day-aggregate";
import { readDay, type DayRead, type Limit } from "./read-day";

export type DayOutcome =
  | {
      ok: true;
      day: string;
      aggregate: DayAggregate;
      reads: KlinkRead<unknown>[];
      fromKlink: boolean;
      storable: boolean;
    }
  | Extract<DayRead, { ok: false }>;

/** Thrown inside the cache's load so that a day not worth caching is not cached; carries the read. */
class UncachedDay extends Error {
  constructor(readonly read: DayRead) {
    super("day not cacheable");
  }
}

const isFresh = (read: DayRead) => read.reads.every((r) => r.ok && r.freshness.cacheState !== "STALE");

/** The UTC dates a zone's day overlaps (its cache tags). */
export function dayTags(day: string, timeZone: string): string[] {
  const [year, month, date] = day.split("-").map(Number);
  const start = zonedTimeToUtc({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
  const end = zonedTimeToUtc({ year, month, day: date, hour: 23, minute: 59, second: 59 }, timeZone) + 999;
  return utcDatesBetween(start, end).map(cxLogUtcDayTag);
}

function fromRead(read: DayRead, timeZone: string): DayOutcome {
  if (!read.ok) return read;
  return {
    ok: true,
    day: read.day,
    aggregate: aggregateDay(read.day, timeZone, read.logs),
    reads: read.reads,
    fromKlink: true,
    storable: read.complete && isFresh(read),
  };
}

export async function readFinishedDay(
  context: ReadContext & { connectionId: string },
  timeZone: string,
  day: string,
  limit: Limit,
): Promise<DayOutcome> {
  let loaded: DayOutcome | undefined;
  try {
    const cached = await readThrough<DayAggregate>({
      cache: getCache(),
      key: cacheKey(context.connectionId, "reports.day", {
        query: { day },
        headers: { "x-client-timezone": timeZone },
      }),
      connectionId: context.connectionId,
      tags: dayTags(day, timeZone),
      policy: FINISHED_CX_LOG_CACHE,
      serveStaleOn: (error) => error instanceof UncachedDay && (!error.read.ok || !isFresh(error.read)),
      load: async () => {
        const read = await readDay(context, timeZone, day, limit);
        loaded = fromRead(read, timeZone);
        if (!loaded.ok || !loaded.storable) throw new UncachedDay(read);
        return loaded.aggregate;
      },
    });
    if (cached.state === "MISS" && loaded?.ok) return loaded;
    const stale = cached.state === "STALE";
    return {
      ok: true,
      day,
      aggregate: cached.value,
      // A stale aggregate speaks for the pages it came from (the stale banner shows its age).
      reads: [
        ...(loaded ? (loaded.reads as KlinkRead<unknown>[]) : []),
        ...(stale
          ? [
              {
                ok: true as const,
                data: null,
                connectionId: context.connectionId,
                freshness: {
                  cacheState: "STALE" as const,
                  ageSeconds: cached.ageSeconds,
                  ...(cached.staleReason ? { staleReason: cached.staleReason } : {}),
                },
              },
            ]
          : []),
      ],
      fromKlink: false,
      storable: false,
    };
  } catch (error) {
    if (error instanceof UncachedDay) return fromRead(error.read, timeZone);
    throw error;
  }
}
