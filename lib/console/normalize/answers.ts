// What each K-LINK read looks like to the pages: one normaliser per GET endpoint of the registry,
// applied to the answer exactly as K-LINK sent it (readKlink on the server, the same function on
// SWR's refetches in the browser). Never throws: whatever the shape, a page gets something to
// show. Idempotent, so data read on the server can be read again in a client component.
// Safe to import anywhere.
import type { EndpointName, Endpoints } from "../../klink/registry";
import { normalizeContact, type Contact } from "./contact";
import { normalizeCxLogListing } from "./cx-log";
import { normalizeFormField } from "./form-field";
import { normalizeListing } from "./listing";
import { normalizeCategory, normalizeChannel, normalizeGroup, normalizeTag } from "./reference";
import { normalizeTicket } from "./ticket";
import { asArray, asRecord, asText } from "./values";

export type ReadEndpointName = {
  [N in EndpointName]: Endpoints[N]["method"] extends "GET" ? N : never;
}[EndpointName];

/** `{status, message, data: contact}`; a contact sent without the envelope is read as the contact. */
function contactDetail(raw: unknown): { status: string | null; message: string | null; data: Contact } {
  const record = asRecord(raw) ?? {};
  const data = asRecord(record.data) ?? (record.id !== undefined ? record : {});
  // `data` is an object here, so normalizeContact always reads it as a contact.
  return { ...record, status: asText(record.status), message: asText(record.message), data: normalizeContact(data)! };
}

const shownAnswers = {
  "contacts.list": (raw: unknown) => normalizeListing(raw, normalizeContact),
  "contacts.bySocialId": contactDetail,
  "contacts.fields": (raw: unknown) => normalizeListing(raw, normalizeFormField),
  "contacts.get": contactDetail,
  "contacts.groups": (raw: unknown) => normalizeListing(raw, normalizeGroup),
  "tickets.list": (raw: unknown) => normalizeListing(raw, normalizeTicket),
  "tickets.byContact": (raw: unknown) => normalizeListing(raw, normalizeTicket),
  "tickets.fields": (raw: unknown) => normalizeListing(raw, normalizeFormField),
  "tags.list": (raw: unknown) => normalizeListing(raw, normalizeTag),
  "channels.list": (raw: unknown) => normalizeListing(raw, normalizeChannel),
  "categories.list": (raw: unknown) => ({
    data: asArray(Array.isArray(raw) ? raw : asRecord(raw)?.data).flatMap((item) => normalizeCategory(item) ?? []),
  }),
  "cxLogs.list": normalizeCxLogListing,
} satisfies { [N in ReadEndpointName]: (raw: unknown) => unknown };

export type ShownAnswer<N extends ReadEndpointName> = ReturnType<(typeof shownAnswers)[N]>;

export function shownAnswer<N extends ReadEndpointName>(endpoint: N, raw: unknown): ShownAnswer<N> {
  return shownAnswers[endpoint](raw) as ShownAnswer<N>;
}
