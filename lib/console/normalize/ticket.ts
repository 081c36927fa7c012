// A ticket as pages show it, from whatever K-LINK sent: the fields pages read are made readable
// (status as text even when K-LINK sends a number, ticketNumber as a number when it reads as one,
// nested contact and assignee that may be missing, null or empty), and every field K-LINK sent
// stays on the object, as it came — custom fields included (read them with custom-fields.ts).
// Idempotent, so a ticket passed from the server to a client component may be read again.
// Safe to import anywhere.
import { asNumberOrText, asPersonRef, asRecord, asTagRefs, asText, type PersonRef, type TagRef } from "./values";

export type Ticket = {
  id: string;
  /** A number; the raw value as text when K-LINK sent one that is not a number. */
  ticketNumber?: number | string | null;
  title?: string | null;
  description?: string | null;
  type?: string | null;
  status?: string | null;
  priority?: string | null;
  channel?: string | null;
  contactId?: string | null;
  creatorId?: string | null;
  assigneeId?: string | null;
  reasonToAssign?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  deletedAt?: string | null;
  contact?: PersonRef | null;
  assignee?: PersonRef | null;
  creator?: PersonRef | null;
  tags: TagRef[];
  /** Everything else as K-LINK sent it (customFields, fields the docs do not show …). */
  [key: string]: unknown;
};

const TEXT_FIELDS = [
  "title",
  "description",
  "type",
  "status",
  "priority",
  "channel",
  "contactId",
  "creatorId",
  "assigneeId",
  "reasonToAssign",
  "createdAt",
  "updatedAt",
  "deletedAt",
] as const;
const PEOPLE = ["contact", "assignee", "creator"] as const;

/**
 * null for an item that is not an object or has no id (nothing to link to). Fields K-LINK left
 * out stay absent (a page shows what was sent, not keys of its own); tags are always a list.
 */
export function normalizeTicket(raw: unknown): Ticket | null {
  const record = asRecord(raw);
  const id = record ? asText(record.id) : null;
  if (!record || !id) return null;
  const ticket: Ticket = { ...record, id, tags: asTagRefs(record.tags) };
  if ("ticketNumber" in record) ticket.ticketNumber = asNumberOrText(record.ticketNumber);
  for (const key of TEXT_FIELDS) if (key in record) ticket[key] = asText(record[key]);
  for (const key of PEOPLE) if (key in record) ticket[key] = asPersonRef(record[key]);
  // The create body's spelling, or only the embedded contact, still name the ticket's contact.
  ticket.contactId ??= asText(record.contact_id) ?? ticket.contact?.id ?? undefined;
  if (ticket.contactId === undefined) delete ticket.contactId;
  return ticket;
}
