import "server-only";
// The CX logs a report's breakdown row counted: the range read day by day exactly as the report
// reads it (the same K-LINK pages, so finished days come from the cache the report filled), kept
// where the row's dimension has the row's key. Newest first, at most MAX_DRILL_DOWN_LOGS shown.
import type { CxLog } from "../console/normalize/cx-log";
import { parseKlinkTime } from "../console/zoned-time";
import type { KlinkRead, ReadContext, ReadFailure } from "../console/read-klink";
import { daysInRange } from "../console/cx-log-range";
import { reportLimit } from "./compute-days";
import type { DrillDown } from "./drill-down";
import { dimensionOf } from "./log-dimensions";
import { readDay } from "./read-day";
import { daysOf } from "./report-range";

export const MAX_DRILL_DOWN_DAYS = 92;
export const MAX_DRILL_DOWN_LOGS = 1_000;

export type DrillDownLogs =
  | { ok: true; logs: CxLog[]; matched: number; reads: KlinkRead<unknown>[] }
  | { ok: false; failure: ReadFailure; reads: KlinkRead<unknown>[] }
  | { ok: false; tooLong: true; reads: [] };

export async function drillDownLogs(
  context: ReadContext,
  range: { from: string; to: string; timeZone: string },
  drill: DrillDown,
): Promise<DrillDownLogs> {
  if (daysInRange(range.from, range.to) > MAX_DRILL_DOWN_DAYS) return { ok: false, tooLong: true, reads: [] };
  const limit = reportLimit();
  const days = await Promise.all(
    daysOf(range.from, range.to).map((day) => readDay(context, range.timeZone, day, limit)),
  );
  const reads = days.flatMap((d) => d.reads);
  const failed = days.find((d) => !d.ok);
  if (failed && !failed.ok) return { ok: false, failure: failed.failure, reads };
  const seen = new Set<string>();
  const matched = days
    .flatMap((d) => (d.ok ? d.logs : []))
    .filter((log) => !seen.has(log.id) && seen.add(log.id) && dimensionOf(log, drill.dimension).key === drill.key)
    .sort((a, b) => (parseKlinkTime(b.startedDate) || 0) - (parseKlinkTime(a.startedDate) || 0));
  return { ok: true, logs: matched.slice(0, MAX_DRILL_DOWN_LOGS), matched: matched.length, reads };
}
