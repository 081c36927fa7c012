// How stored records look in API answers (joined with their contact, agents and tags). A ticket
// is exactly the object of the Ticket Create page (ticket-create-page.txt): the same keys in the
// same order and nesting, custom fields as an array of value objects. Contacts carry their custom
// fields in that same array form, the one form K-LINK prints verbatim.
import { createHash } from "node:crypto";
import type { ContactRecord, CxLogRecord, FormFieldRecord, SimState, TicketRecord } from "./state";

export function ticketView(state: SimState, ticket: TicketRecord) {
  const contact = state.contacts.find((c) => c.id === ticket.contactId);
  const assignee = ticket.assigneeId ? state.agents.find((a) => a.id === ticket.assigneeId) : undefined;
  return {
    id: ticket.id,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    deletedAt: ticket.deletedAt,
    title: ticket.title,
    description: ticket.description,
    type: ticket.type,
    channel: ticket.channel,
    priority: ticket.priority,
    status: ticket.status,
    contactId: ticket.contactId,
    creatorId: ticket.creatorId,
    assigneeId: ticket.assigneeId,
    reasonToAssign: ticket.reasonToAssign,
    ticketNumber: ticket.ticketNumber,
    assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
    contact: contact ? { id: contact.id, name: contact.name } : null,
    tags: ticket.tagIds.flatMap((id) => state.tags.filter((t) => t.id === id).map((t) => ({ id: t.id, name: t.name }))),
    customFields: customFieldValues(state.ticketFields, ticket.customFields, ticket.id),
  };
}

export function contactView(state: SimState, contact: ContactRecord) {
  return { ...contact, customFields: customFieldValues(state.contactFields, contact.customFields, contact.id) };
}

/** The stored map `{cf_x: value}` as K-LINK answers it: one value object per field that has a value. */
function customFieldValues(fields: readonly FormFieldRecord[], values: Record<string, unknown>, ownerId: string) {
  return Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([systemName, value]) => {
      const field = fields.find((f) => f.system_name === systemName);
      return {
        id: stableUuid(`${ownerId}/${systemName}`),
        textValue: Array.isArray(value) ? value.join(", ") : String(value),
        attribute: {
          id: field?.id ?? stableUuid(systemName),
          systemName,
          displayName: field?.display_name ?? systemName,
          type: field?.type ?? "text",
        },
      };
    });
}

/** The same UUID for the same value record in every answer, without storing one. */
function stableUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `2026-03-30 08:30:00.000+00`: the SQL-style timestamp of CX logs (shared/klink-api/README.md §4). */
function sqlTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().replace("T", " ").slice(0, 23)}+00`;
}

export function cxLogView(state: SimState, log: CxLogRecord) {
  const contact = state.contacts.find((c) => c.id === log.contactId);
  const agent = state.agents.find((a) => a.id === log.agentId) ?? null;
  const handled = Number(log.fields.fullResolutionTime ?? 0) * 1000;
  return {
    id: log.id,
    caseId: log.caseId,
    entityId: log.fields.entityId,
    entityName: log.fields.entityName,
    contactId: log.contactId,
    ...log.fields,
    agentId: log.agentId,
    startedDate: sqlTimestamp(log.startedAtMs),
    closedAt: sqlTimestamp(log.startedAtMs + handled).replace(/\.\d{3}/, ""),
    createdAt: new Date(log.startedAtMs + 5_123).toISOString(),
    updatedAt: new Date(log.startedAtMs + handled + 5_000).toISOString(),
    deletedAt: null,
    firstAssigneeId: log.agentId,
    closedAssigneeId: log.agentId,
    contact: contact
      ? {
          id: contact.id,
          createdAt: contact.createdAt,
          updatedAt: contact.updatedAt,
          deletedAt: contact.deletedAt,
          name: contact.name,
          address: contact.address,
          channel: contact.channel,
          notes: contact.notes,
          contactNumber: contact.contactNumber,
          companyId: contact.companyId,
          contactProfile: contact.contactProfile,
          socialProfileUrl: contact.socialProfileUrl,
          tags: contact.tags,
          platformContacts: contact.platformContacts,
        }
      : null,
    firstAssignee: agent,
    agent,
    closedAssignee: agent,
    mailRoom: null,
    room: { id: log.fields.entityId, status: "solved", channel: log.fields.channel },
  };
}
