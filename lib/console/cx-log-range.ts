// The CX logs page's URL state: a range of calendar days, the time zone they are read in, page
// and page size. K-LINK's listing takes one `selectedDate` that is itself a date-time range
// ("YYYY/MM/DD HH:mm:ss-YYYY/MM/DD HH:mm:ss", endpoints.md §20) read in the x-client-timezone
// zone, so a range of days is ONE request (from the first day's 00:00:00 to the last day's
// 23:59:59), paginated by K-LINK itself. Safe to import anywhere.
import { isIanaTimeZone } from "../klink/schemas/cx-log";
import { isIsoDate } from "../klink/schemas/custom-fields";
import { firstParam, intParam, queryString, type SearchParams } from "./search-params";
import { dateIn } from "./zoned-time";

/** K-LINK documents no limit; a year keeps one query (and its page count) reasonable. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 7;
export const CX_LOG_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_CX_LOG_PAGE_SIZE = 25;

const DAY_MS = 86_400_000;

export type CxLogQuery = {
  /** YYYY-MM-DD, first day, inclusive. */
  from: string;
  /** YYYY-MM-DD, last day, inclusive. */
  to: string;
  /** The IANA zone the days are read in; undefined until the browser has said which it is in. */
  timeZone?: string;
  page: number;
  pageSize: number;
  /** What is wrong with the URL's range or zone, by field; the page then asks instead of reading. */
  problems: Partial<Record<"from" | "to" | "tz", string>>;
};

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the inclusive range from → to (1 for a single day). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function cxLogQuery(params: SearchParams, now: Date): CxLogQuery {
  const problems: CxLogQuery["problems"] = {};
  const zoneParam = firstParam(params, "tz");
  const timeZone = zoneParam && isIanaTimeZone(zoneParam) ? zoneParam : undefined;
  if (zoneParam && !timeZone) problems.tz = "is not an IANA time zone such as Asia/Bangkok";
  const today = dateIn(timeZone ?? "UTC", now);

  const dateParam = (name: "from" | "to"): string | undefined => {
    const value = firstParam(params, name);
    if (value === undefined) return undefined;
    if (isIsoDate(value)) return value;
    problems[name] = "must be a date YYYY-MM-DD";
    return undefined;
  };
  const to = dateParam("to") ?? today;
  const from = dateParam("from") ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (!problems.from && !problems.to) {
    if (from > to) problems.from = "must not be after the end date";
    else if (daysInRange(from, to) > MAX_RANGE_DAYS)
      problems.from = `the range may span at most ${MAX_RANGE_DAYS} days`;
  }
  return {
    from,
    to,
    ...(timeZone ? { timeZone } : {}),
    page: intParam(firstParam(params, "page"), 1, 1, 1_000_000),
    pageSize: intParam(firstParam(params, "pageSize"), DEFAULT_CX_LOG_PAGE_SIZE, 1, 100),
    problems,
  };
}

/** K-LINK's selectedDate for whole days from → to. */
export function selectedDateOf(from: string, to: string): string {
  return `${from.replaceAll("-", "/")} 00:00:00-${to.replaceAll("-", "/")} 23:59:59`;
}

export function cxLogsHref(query: Pick<CxLogQuery, "from" | "to" | "timeZone" | "page" | "pageSize">): string {
  return `/cx-logs${queryString({
    from: query.from,
    to: query.to,
    tz: query.timeZone,
    page: query.page === 1 ? undefined : query.page,
    pageSize: query.pageSize === DEFAULT_CX_LOG_PAGE_SIZE ? undefined : query.pageSize,
  })}`;
}

/** The proxy URL of one page of the range; the zone travels separately, as the x-client-timezone header. */
export function cxLogsProxyUrl(query: Pick<CxLogQuery, "from" | "to" | "page" | "pageSize">): string {
  return `/api/klink/v1/cx-logs${queryString({ selectedDate: selectedDateOf(query.from, query.to), page: query.page, pageSize: query.pageSize })}`;
}

/** K-LINK's total is a number, or (in one captured example) a numeric string. */
export function totalOf(total: number | string | null | undefined): number {
  const n = typeof total === "number" ? total : Number(total);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
