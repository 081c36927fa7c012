import "server-only";
// An admin's "recompute": the stored days of a range (in the zone shown) and the cached K-LINK
// pages of its finished days are dropped, so the next view of the report reads K-LINK again.
import type { Audit } from "../audit/request-audit";
import { invalidateTags } from "../cache/invalidate-tags";
import { db, type Db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { cxLogUtcDayTag, utcDatesBetween } from "../klink/cx-log-cache";
import { zonedTimeToUtc } from "../klink/zoned-clock";
import { forgetDays } from "./day-store";
import { daysOf, type ReportQuery } from "./report-range";

export type RecomputeRange = Required<Pick<ReportQuery, "from" | "to" | "timeZone">>;

function localStart(day: string): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const [year, month, date] = day.split("-").map(Number);
  return { year, month, day: date, hour: 0, minute: 0, second: 0 };
}

export async function recomputeDays(
  actor: Actor,
  connectionId: string,
  range: RecomputeRange,
  audit: Audit,
  database: Db = db(),
): Promise<{ forgotten: number }> {
  assertRole(actor, "admin");
  const days = daysOf(range.from, range.to);
  const forgotten = await forgetDays(database, connectionId, new Map([[range.timeZone, days]]));
  const fromMs = zonedTimeToUtc(localStart(range.from), range.timeZone);
  const toMs = zonedTimeToUtc({ ...localStart(range.to), hour: 23, minute: 59, second: 59 }, range.timeZone) + 999;
  await invalidateTags(connectionId, utcDatesBetween(fromMs, toMs).map(cxLogUtcDayTag));
  await audit({
    action: "report.recompute",
    outcome: "success",
    target: { type: "connection", id: connectionId },
    details: { from: range.from, to: range.to, timeZone: range.timeZone, storedDaysDropped: forgotten },
  });
  return { forgotten };
}
