// The Reports page's URL state: a preset or a custom range of calendar days, the IANA zone the
// days are cut in (the browser's, added to the URL on the first visit like the CX logs page), and
// the previous period of the same length for the comparison. Safe to import anywhere.
import { addDays, daysInRange, MAX_RANGE_DAYS } from "../console/cx-log-range";
import { firstParam, queryString, type SearchParams } from "../console/search-params";
import { dateIn } from "../console/zoned-time";
import { isIsoDate } from "../klink/schemas/custom-fields";
import { isIanaTimeZone } from "../klink/schemas/cx-log";

export const REPORT_PRESETS = {
  today: "Today",
  yesterday: "Yesterday",
  last7: "Last 7 days",
  last30: "Last 30 days",
  thisMonth: "This month",
  lastMonth: "Last month",
  custom: "Custom",
} as const;

export type ReportPreset = keyof typeof REPORT_PRESETS;
export const DEFAULT_REPORT_PRESET: ReportPreset = "last7";

export type ReportQuery = {
  preset: ReportPreset;
  /** YYYY-MM-DD, first day, inclusive. */
  from: string;
  /** YYYY-MM-DD, last day, inclusive. */
  to: string;
  /** Undefined until the browser has said which zone it is in. */
  timeZone?: string;
  problems: Partial<Record<"from" | "to" | "tz" | "preset", string>>;
};

export function isReportPreset(value: string): value is ReportPreset {
  return Object.hasOwn(REPORT_PRESETS, value);
}

/** The days a preset covers when today is `today` (YYYY-MM-DD). */
export function presetRange(preset: Exclude<ReportPreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "thisMonth":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "lastMonth": {
      const lastOfPrevious = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

export function reportQuery(params: SearchParams, now: Date): ReportQuery {
  const problems: ReportQuery["problems"] = {};
  const zoneParam = firstParam(params, "tz");
  const timeZone = zoneParam && isIanaTimeZone(zoneParam) ? zoneParam : undefined;
  if (zoneParam && !timeZone) problems.tz = "is not an IANA time zone such as Asia/Bangkok";
  const today = dateIn(timeZone ?? "UTC", now);

  const presetParam = firstParam(params, "preset");
  let preset: ReportPreset = DEFAULT_REPORT_PRESET;
  if (presetParam !== undefined) {
    if (isReportPreset(presetParam)) preset = presetParam;
    else problems.preset = `must be one of ${Object.keys(REPORT_PRESETS).join(", ")}`;
  }
  const fromParam = firstParam(params, "from");
  const toParam = firstParam(params, "to");
  if (presetParam === undefined && (fromParam || toParam)) preset = "custom";

  if (preset !== "custom")
    return { preset, ...presetRange(preset, today), ...(timeZone ? { timeZone } : {}), problems };

  const dateParam = (name: "from" | "to", value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (isIsoDate(value)) return value;
    problems[name] = "must be a date YYYY-MM-DD";
    return undefined;
  };
  const to = dateParam("to", toParam) ?? today;
  const from = dateParam("from", fromParam) ?? addDays(to, -6);
  if (!problems.from && !problems.to) {
    if (from > to) problems.from = "must not be after the end date";
    else if (daysInRange(from, to) > MAX_RANGE_DAYS)
      problems.from = `the range may span at most ${MAX_RANGE_DAYS} days`;
  }
  return { preset, from, to, ...(timeZone ? { timeZone } : {}), problems };
}

/** Every day of the range, oldest first. */
export function daysOf(from: string, to: string): string[] {
  return Array.from({ length: daysInRange(from, to) }, (_, i) => addDays(from, i));
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysInRange(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** A range of one or two days is shown per hour; longer ones per day. */
export function isHourly(from: string, to: string): boolean {
  return daysInRange(from, to) <= 2;
}

export function reportHref(query: Pick<ReportQuery, "preset" | "from" | "to" | "timeZone">): string {
  const custom = query.preset === "custom";
  return `/reports${queryString({
    preset: custom ? undefined : query.preset,
    from: custom ? query.from : undefined,
    to: custom ? query.to : undefined,
    tz: query.timeZone,
  })}`;
}
