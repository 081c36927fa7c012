// CX logs (endpoints.md §20): a date-time range interpreted in the caller's time zone.
import { z } from "zod";
import { optionalText, paginationQuery, querySchema, recordTimestamps } from "./common";
import { contactSchema } from "./contact";

const SELECTED_DATE =
  /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})-(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function validLocal(t: LocalDateTime): boolean {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  return d.getUTCMonth() === t.month - 1 && d.getUTCDate() === t.day && t.hour < 24 && t.minute < 60 && t.second < 60;
}

const asNumber = (t: LocalDateTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** `YYYY/MM/DD HH:mm:ss-YYYY/MM/DD HH:mm:ss` → the two local date-times, or undefined when malformed. */
export function parseSelectedDate(value: string): { from: LocalDateTime; to: LocalDateTime } | undefined {
  const m = SELECTED_DATE.exec(value.trim());
  if (!m) return undefined;
  const n = m.slice(1).map(Number);
  const from = { year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4], second: n[5] };
  const to = { year: n[6], month: n[7], day: n[8], hour: n[9], minute: n[10], second: n[11] };
  if (!validLocal(from) || !validLocal(to) || asNumber(from) > asNumber(to)) return undefined;
  return { from, to };
}

export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const SELECTED_DATE_MESSAGE = "must be a range YYYY/MM/DD HH:mm:ss-YYYY/MM/DD HH:mm:ss, start before end";

export const cxLogsQuerySchema = querySchema({
  selectedDate: z
    .string({ error: `is required: ${SELECTED_DATE_MESSAGE}` })
    .refine((v) => parseSelectedDate(v) !== undefined, SELECTED_DATE_MESSAGE),
  ...paginationQuery,
});

export const cxLogsHeadersSchema = z.object({
  "x-client-timezone": z
    .string({ error: "is required: the IANA time zone of selectedDate, e.g. Asia/Bangkok" })
    .refine(isIanaTimeZone, "must be an IANA time zone such as Asia/Bangkok"),
});

const duration = z.number().nullish();

/**
 * An agent as the newer CX log example prints it (cut off after createdAt; the timestamps
 * assumed). The older example elides these objects (`{ … }`), so nothing in them is required.
 */
const cxLogAgentSchema = z.looseObject({
  id: z.string().optional(),
  name: optionalText,
  email: optionalText,
  address: optionalText,
  phone: optionalText,
  notificationCount: z.number().nullish(),
  // Sic: the documented example spells it so (shared/klink-api/README.md §10.10).
  deletedaAt: optionalText,
  ...recordTimestamps,
});
/** `room` and `mailRoom`: objects whose fields were not captured. */
const uncapturedObject = z.record(z.string(), z.unknown()).nullish();

export const cxLogSchema = z.looseObject({
  id: z.string(),
  caseId: z.number().nullish(),
  entityId: optionalText,
  entityName: optionalText,
  contactId: optionalText,
  channel: optionalText,
  channelType: optionalText,
  queueId: optionalText,
  queueName: optionalText,
  agentId: optionalText,
  direction: optionalText,
  startedDate: optionalText,
  closedAt: optionalText,
  handledTime: duration,
  totalHoldDuration: duration,
  firstResponseTime: duration,
  wrapUpDuration: duration,
  fullHandledTime: duration,
  resolutionTime: duration,
  fullResolutionTime: duration,
  firstRepliedTime: duration,
  disposition: optionalText,
  slaStatus: optionalText,
  cxIntelligenceStatus: optionalText,
  uid: optionalText,
  wrapUpFormId: optionalText,
  firstAssigneeId: optionalText,
  closedAssigneeId: optionalText,
  customerPhone: optionalText,
  contactLabel: z.array(z.string()).nullish(),
  contact: contactSchema.partial().nullish(),
  firstAssignee: cxLogAgentSchema.nullish(),
  agent: cxLogAgentSchema.nullish(),
  closedAssignee: cxLogAgentSchema.nullish(),
  room: uncapturedObject,
  mailRoom: uncapturedObject,
  createdAt: optionalText,
  updatedAt: optionalText,
  deletedAt: optionalText,
});

export const cxLogListingSchema = z.looseObject({
  requestId: optionalText,
  cxLogs: z.looseObject({
    data: z.array(cxLogSchema),
    // The blanked example prints total as a string ("…"), while blanked numbers elsewhere are
    // null: a COUNT serialised as a string is plausible, so both are accepted.
    total: z.union([z.number(), z.string()]),
    page: z.number(),
    // Cut off in both captured examples ("p…").
    pageSize: z.number().optional(),
  }),
});
