// How stored records look in API answers (joined with their contact, agents and tags).
import type { CxLogRecord, SimState, TicketRecord } from "./state";

export function ticketView(state: SimState, ticket: TicketRecord) {
  const { tagIds, ...rest } = ticket;
  const contact = state.contacts.find((c) => c.id === ticket.contactId);
  return {
    ...rest,
    contact: contact
      ? { id: contact.id, name: contact.name, channel: contact.channel, contactNumber: contact.contactNumber }
      : null,
    creator: agentRef(state, ticket.creatorId),
    assignee: ticket.assigneeId ? agentRef(state, ticket.assigneeId) : null,
    tags: tagIds.flatMap((id) => state.tags.filter((t) => t.id === id).map((t) => ({ id: t.id, name: t.name }))),
  };
}

function agentRef(state: SimState, id: string) {
  const agent = state.agents.find((a) => a.id === id);
  return agent ? { id: agent.id, name: agent.name, email: agent.email } : null;
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
