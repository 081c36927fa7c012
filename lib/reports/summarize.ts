// A report from day aggregates: volume per day (or per hour for one or two days), SLA shares,
// speed (median and 90th percentile), breakdowns and headline numbers; and the comparison of two
// periods' headlines. Pure: the same days give the same report. Safe to import anywhere.
import type { DayAggregate, DirectionCounts, SlaCounts } from "./day-aggregate";
import { DIMENSION_NAMES, type Dimension } from "./log-dimensions";
import { spreadOf, type Spread } from "./quantile";

export type VolumeRow = DirectionCounts & { label: string; total: number };
export type SlaRow = SlaCounts & { label: string; total: number };
export type SpeedRow = { label: string; firstResponse: Spread; handled: Spread; resolution: Spread };
export type BreakdownRow = {
  key: string;
  label: string;
  count: number;
  /** Met ÷ (met + breached): of the interactions that had an SLA; null when none had one. */
  slaMetShare: number | null;
  firstResponseMedian: number | null;
};

export type Headline = {
  interactions: number;
  slaMetShare: number | null;
  firstResponseMedian: number | null;
  handledMedian: number | null;
  resolutionMedian: number | null;
};

export type ReportSummary = {
  from: string;
  to: string;
  timeZone: string;
  granularity: "day" | "hour";
  /** Days read, of the days asked for; missing ones could not be read (K-LINK failed). */
  days: { asked: number; read: number; missing: string[] };
  headline: Headline;
  totals: DirectionCounts & { total: number };
  volume: VolumeRow[];
  sla: { overall: SlaRow; byDay: SlaRow[] };
  speed: { overall: SpeedRow; byDay: SpeedRow[] };
  breakdowns: Record<Dimension, BreakdownRow[]>;
};

const metShare = (sla: SlaCounts): number | null =>
  sla.met + sla.breached === 0 ? null : sla.met / (sla.met + sla.breached);

const addDirection = (a: DirectionCounts, b: DirectionCounts): DirectionCounts => ({
  inbound: a.inbound + b.inbound,
  outbound: a.outbound + b.outbound,
  other: a.other + b.other,
});
const addSla = (a: SlaCounts, b: SlaCounts): SlaCounts => ({
  met: a.met + b.met,
  breached: a.breached + b.breached,
  none: a.none + b.none,
});
const ZERO_DIRECTION: DirectionCounts = { inbound: 0, outbound: 0, other: 0 };
const ZERO_SLA: SlaCounts = { met: 0, breached: 0, none: 0 };

function speedRow(label: string, days: readonly DayAggregate[]): SpeedRow {
  return {
    label,
    firstResponse: spreadOf(days.flatMap((d) => d.durations.firstResponse)),
    handled: spreadOf(days.flatMap((d) => d.durations.handled)),
    resolution: spreadOf(days.flatMap((d) => d.durations.resolution)),
  };
}

function breakdown(days: readonly DayAggregate[], dimension: Dimension): BreakdownRow[] {
  const merged = new Map<string, { label: string; count: number; sla: SlaCounts; firstResponse: number[] }>();
  for (const day of days) {
    for (const [key, cell] of Object.entries(day.breakdowns[dimension] ?? {})) {
      const into = merged.get(key) ?? { label: cell.label, count: 0, sla: ZERO_SLA, firstResponse: [] };
      into.count += cell.count;
      into.sla = addSla(into.sla, cell.sla);
      into.firstResponse.push(...cell.firstResponse);
      merged.set(key, into);
    }
  }
  return [...merged.entries()]
    .map(([key, cell]) => ({
      key,
      label: cell.label,
      count: cell.count,
      slaMetShare: metShare(cell.sla),
      firstResponseMedian: spreadOf(cell.firstResponse).median,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function headlineOf(days: readonly DayAggregate[]): Headline {
  const overall = speedRow("", days);
  return {
    interactions: days.reduce((n, d) => n + d.count, 0),
    slaMetShare: metShare(days.reduce((s, d) => addSla(s, d.sla), ZERO_SLA)),
    firstResponseMedian: overall.firstResponse.median,
    handledMedian: overall.handled.median,
    resolutionMedian: overall.resolution.median,
  };
}

export function summarize(options: {
  from: string;
  to: string;
  timeZone: string;
  /** Every day of the range, oldest first. */
  dayNames: readonly string[];
  /** The days that could be read (others are listed as missing). */
  days: readonly DayAggregate[];
  hourly: boolean;
}): ReportSummary {
  const byName = new Map(options.days.map((d) => [d.day, d]));
  const days = options.dayNames.flatMap((name) => byName.get(name) ?? []);
  const totals = days.reduce((t, d) => addDirection(t, d.direction), ZERO_DIRECTION);
  const overallSla = days.reduce((s, d) => addSla(s, d.sla), ZERO_SLA);
  const volume: VolumeRow[] = options.hourly
    ? days.flatMap((d) =>
        d.hourly.map((h, hour) => ({
          label: `${d.day} ${String(hour).padStart(2, "0")}:00`,
          ...h,
          total: h.inbound + h.outbound + h.other,
        })),
      )
    : days.map((d) => ({ label: d.day, ...d.direction, total: d.count }));
  return {
    from: options.from,
    to: options.to,
    timeZone: options.timeZone,
    granularity: options.hourly ? "hour" : "day",
    days: {
      asked: options.dayNames.length,
      read: days.length,
      missing: options.dayNames.filter((name) => !byName.has(name)),
    },
    headline: headlineOf(days),
    totals: { ...totals, total: totals.inbound + totals.outbound + totals.other },
    volume,
    sla: {
      overall: { label: "All days", ...overallSla, total: overallSla.met + overallSla.breached + overallSla.none },
      byDay: days.map((d) => ({ label: d.day, ...d.sla, total: d.count })),
    },
    speed: { overall: speedRow("All days", days), byDay: days.map((d) => speedRow(d.day, [d])) },
    breakdowns: Object.fromEntries(DIMENSION_NAMES.map((dim) => [dim, breakdown(days, dim)])) as Record<
      Dimension,
      BreakdownRow[]
    >,
  };
}

export type HeadlineDelta = {
  key: keyof Headline;
  current: number | null;
  previous: number | null;
  change: number | null;
};

/** Current minus previous for each headline number (null when either is unknown). */
export function compareHeadlines(current: Headline, previous: Headline): HeadlineDelta[] {
  return (Object.keys(current) as (keyof Headline)[]).map((key) => ({
    key,
    current: current[key],
    previous: previous[key],
    change: current[key] === null || previous[key] === null ? null : current[key] - previous[key],
  }));
}
