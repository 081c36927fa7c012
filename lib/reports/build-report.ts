import "server-only";
// A whole report for a range: its days (computeDays), the summary, and the previous period of the
// same length for the comparison. Used by the Reports page's last step, the JSON summary and the
// CSV exports: one way to the numbers.
import type { Degraded } from "../console/degraded";
import { degradedFreshness } from "../console/degraded";
import type { ReadContext, ReadFailure } from "../console/read-klink";
import { computeDays, reportLimit, type ComputedDays } from "./compute-days";
import type { Limit } from "./read-day";
import { daysOf, isHourly, previousPeriod } from "./report-range";
import { compareHeadlines, headlineOf, summarize, type HeadlineDelta, type ReportSummary } from "./summarize";

export type Report = {
  summary: ReportSummary;
  previous: { from: string; to: string; missingDays: number };
  comparison: HeadlineDelta[];
  /** The first failure of a day that could not be read, if any. */
  failure: ReadFailure | null;
  degraded: Degraded;
  sources: { stored: number; cached: number; klink: number };
};

export type ReportRange = { from: string; to: string; timeZone: string };

/** The current period's days, computed (or reused when the page already has them). */
export async function buildReport(
  context: ReadContext,
  range: ReportRange,
  options: { now?: Date; limit?: Limit; current?: ComputedDays } = {},
): Promise<Report> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? reportLimit();
  const dayNames = daysOf(range.from, range.to);
  const before = previousPeriod(range.from, range.to);
  // Both periods at once: the shared limit still bounds K-LINK calls in flight.
  const [current, previous] = await Promise.all([
    options.current ?? computeDays(context, { timeZone: range.timeZone, days: dayNames, now, limit }),
    computeDays(context, { timeZone: range.timeZone, days: daysOf(before.from, before.to), now, limit }),
  ]);
  const summary = summarize({
    ...range,
    dayNames,
    days: current.aggregates,
    hourly: isHourly(range.from, range.to),
  });
  return {
    summary,
    previous: { ...before, missingDays: previous.failures.length },
    comparison: compareHeadlines(summary.headline, headlineOf(previous.aggregates)),
    failure: current.failures[0]?.failure ?? previous.failures[0]?.failure ?? null,
    degraded: degradedFreshness([...current.reads, ...previous.reads]),
    sources: {
      stored: current.sources.stored + previous.sources.stored,
      cached: current.sources.cached + previous.sources.cached,
      klink: current.sources.klink + previous.sources.klink,
    },
  };
}
