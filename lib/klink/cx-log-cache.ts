// How long a CX-log read may be cached depends on what it asks for. A range of at most two days
// that is over in the zone K-LINK reads it in will not grow by itself (reports read finished days
// one by one): it is kept for a day and tagged with the UTC dates it overlaps, so a message
// webhook for one instant drops exactly the finished days that contain it (any zone's day that
// contains an instant overlaps that instant's UTC date). Anything that reaches today keeps the
// live policy. Safe to import anywhere.
import { parseSelectedDate } from "./schemas/cx-log";
import { zonedTimeToUtc } from "./zoned-clock";

export const FINISHED_CX_LOG_CACHE = {
  ttlSeconds: 86_400,
  staleWhileRevalidateSeconds: 3_600,
  staleIfErrorSeconds: 7 * 86_400,
} as const;

const DAY_MS = 86_400_000;
const MAX_FINISHED_SPAN_MS = 2 * DAY_MS;

/** The cache tag of finished CX-log reads that overlap one UTC date (YYYY-MM-DD). */
export function cxLogUtcDayTag(utcDate: string): string {
  return `cx-logs:utc:${utcDate}`;
}

/** The UTC dates (YYYY-MM-DD) that [fromMs, toMs] overlaps. */
export function utcDatesBetween(fromMs: number, toMs: number): string[] {
  const dates: string[] = [];
  for (let day = Math.floor(fromMs / DAY_MS); day <= Math.floor(toMs / DAY_MS); day++) {
    dates.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  }
  return dates;
}

export type CxLogCachePolicy = typeof FINISHED_CX_LOG_CACHE & { tags: string[] };

/** The policy of a finished short range, or undefined for the endpoint's live policy. */
export function finishedCxLogPolicy(
  query: Record<string, unknown> | undefined,
  headers: Record<string, string> | undefined,
  nowMs: number,
): CxLogCachePolicy | undefined {
  const selectedDate = query?.selectedDate;
  const timeZone = headers?.["x-client-timezone"];
  if (typeof selectedDate !== "string" || !timeZone) return undefined;
  const range = parseSelectedDate(selectedDate);
  if (!range) return undefined;
  let fromMs: number, toMs: number;
  try {
    fromMs = zonedTimeToUtc(range.from, timeZone);
    toMs = zonedTimeToUtc(range.to, timeZone) + 999;
  } catch {
    return undefined;
  }
  if (toMs >= nowMs || toMs - fromMs > MAX_FINISHED_SPAN_MS) return undefined;
  return { ...FINISHED_CX_LOG_CACHE, tags: utcDatesBetween(fromMs, toMs).map(cxLogUtcDayTag) };
}
