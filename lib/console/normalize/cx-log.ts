// A CX log (an interaction) as the CX log tables show it, from whatever K-LINK sent (endpoints.md
// §20): durations and the case number as numbers even when sent as strings, texts readable,
// nested contact and agents that may be missing, null or empty; every field kept. Safe to import anywhere.
import { normalizeListing, type Listing } from "./listing";
import { asArray, asNumber, asNumberOrText, asPersonRef, asRecord, asText, type PersonRef } from "./values";

export type CxLog = {
  id: string;
  caseId?: number | string | null;
  contactId?: string | null;
  channel?: string | null;
  channelType?: string | null;
  direction?: string | null;
  queueName?: string | null;
  disposition?: string | null;
  slaStatus?: string | null;
  customerPhone?: string | null;
  startedDate?: string | null;
  createdAt?: string | null;
  firstResponseTime?: number | null;
  handledTime?: number | null;
  fullHandledTime?: number | null;
  contact?: PersonRef | null;
  agent?: PersonRef | null;
  firstAssignee?: PersonRef | null;
  closedAssignee?: PersonRef | null;
  contactLabel?: string[];
  [key: string]: unknown;
};

const TEXT_FIELDS = [
  "contactId",
  "channel",
  "channelType",
  "direction",
  "queueName",
  "disposition",
  "slaStatus",
  "customerPhone",
  "startedDate",
  "createdAt",
] as const;
const DURATIONS = ["firstResponseTime", "handledTime", "fullHandledTime"] as const;
const PEOPLE = ["contact", "agent", "firstAssignee", "closedAssignee"] as const;

export function normalizeCxLog(raw: unknown): CxLog | null {
  const record = asRecord(raw);
  const id = record ? asText(record.id) : null;
  if (!record || !id) return null;
  const log: CxLog = { ...record, id };
  if ("caseId" in record) log.caseId = asNumberOrText(record.caseId);
  for (const key of TEXT_FIELDS) if (key in record) log[key] = asText(record[key]);
  for (const key of DURATIONS) if (key in record) log[key] = asNumber(record[key]);
  for (const key of PEOPLE) if (key in record) log[key] = asPersonRef(record[key]);
  if ("contactLabel" in record) log.contactLabel = asArray(record.contactLabel).flatMap((l) => asText(l) ?? []);
  log.contactId ??= log.contact?.id ?? undefined;
  if (log.contactId === undefined) delete log.contactId;
  return log;
}

/** `{requestId, cxLogs: {data, total, page, pageSize}}`: the page nested in cxLogs (shared/klink-api/README.md §5). */
export type CxLogListing = { requestId: string | null; cxLogs: Listing<CxLog> };

export function normalizeCxLogListing(raw: unknown): CxLogListing {
  const record = asRecord(raw) ?? {};
  return { ...record, requestId: asText(record.requestId), cxLogs: normalizeListing(record.cxLogs, normalizeCxLog) };
}
