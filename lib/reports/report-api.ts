import "server-only";
// The report API's input (GET /api/reports/summary and /api/reports/csv): a range of days and the
// zone they are cut in, checked by field; and the connection it reads through, which the caller
// names (?connection=) or, for a signed-in person, the one chosen in the console's switcher.
import { z } from "zod";
import { activeConnection, activeConnectionCookie } from "../connections/active-connection";
import { listConnectionChoices } from "../connections/list-connection-choices";
import { daysInRange, MAX_RANGE_DAYS } from "../console/cx-log-range";
import type { ReadContext, ReadFailure } from "../console/read-klink";
import { ApiError, ERROR_STATUS, notFound, type ErrorCode } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { isIsoDate } from "../klink/schemas/custom-fields";
import { isIanaTimeZone } from "../klink/schemas/cx-log";
import { REPORT_TABLES } from "./report-csv";

const isoDate = z.string({ error: "is required: a date YYYY-MM-DD" }).refine(isIsoDate, "must be a date YYYY-MM-DD");

const rangeFields = {
  from: isoDate,
  to: isoDate,
  tz: z
    .string({ error: "is required: an IANA time zone such as Asia/Bangkok" })
    .max(64)
    .refine(isIanaTimeZone, "must be an IANA time zone such as Asia/Bangkok"),
  connection: z.string().min(1).max(128).optional(),
};

const checkRange = (value: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (!isIsoDate(value.from) || !isIsoDate(value.to)) return;
  if (value.from > value.to)
    ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after the end date" });
  else if (daysInRange(value.from, value.to) > MAX_RANGE_DAYS)
    ctx.addIssue({ code: "custom", path: ["from"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
};

export const reportSummaryQuery = z.object(rangeFields).superRefine(checkRange);
export const reportCsvQuery = z
  .object({
    ...rangeFields,
    table: z.enum(REPORT_TABLES, { error: `must be one of ${REPORT_TABLES.join(", ")}` }),
  })
  .superRefine(checkRange);

export async function reportReadContext(
  actor: Actor,
  req: Request,
  requestId: string,
  named: string | undefined,
): Promise<ReadContext> {
  if (named) {
    const choice = (await listConnectionChoices(actor)).find((c) => c.id === named);
    if (!choice) throw notFound("No K-LINK connection has this id.");
    return { actor, connectionId: choice.id, requestId };
  }
  const cookie = actor.type === "user" ? activeConnectionCookie(req.headers.get("cookie")) : undefined;
  return { actor, connectionId: (await activeConnection(actor, cookie)).active?.id, requestId };
}

/** Nothing of the range could be read: the first day's failure, as the console's API answers it. */
export function reportFailure(failure: ReadFailure): ApiError {
  const code = Object.hasOwn(ERROR_STATUS, failure.code) ? (failure.code as ErrorCode) : "upstream_error";
  return new ApiError(code, failure.message);
}
