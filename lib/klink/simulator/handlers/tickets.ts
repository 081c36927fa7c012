// Ticket endpoints of the simulator. Shapes of the uncaptured ones (our choice, unverified):
// update and update status → 200 {success: true, data: ticket}, like create's 201;
// by contact → the listing envelope (404 for an unknown contact). Status, priority and channel
// are checked against the ticket form fields, custom fields against their types.
import { validateCustomFields } from "../../schemas/custom-fields";
import { ticketCreateBodySchema, ticketStatusBodySchema, ticketUpdateBodySchema } from "../../schemas/ticket";
import { optionsOf } from "../form-fields";
import { paginate, SimHttpError, validBody } from "../http-io";
import type { SimState, TicketRecord } from "../state";
import { ticketView } from "../views";
import { liveContact } from "./contacts";
import type { Handler, SimContext } from "./types";

const fold = (text: string) => text.normalize("NFC").toLowerCase();

function findTicket(state: SimState, id: string): TicketRecord {
  const ticket = state.tickets.find((t) => t.id === id);
  if (!ticket) throw new SimHttpError(404, "Ticket not found");
  return ticket;
}

/** The semantic checks a real API does after the shape: options, references, custom field types. */
function checkTicketFields(ctx: SimContext, body: Record<string, unknown>): void {
  const problems: string[] = [];
  for (const field of ["status", "priority", "channel", "type"] as const) {
    if (body[field] === undefined) continue;
    const options = optionsOf(ctx.state.ticketFields, field);
    if (!options.includes(String(body[field]))) problems.push(`${field}: must be one of: ${options.join(", ")}`);
  }
  if (
    typeof body.contact_id === "string" &&
    !ctx.state.contacts.some((c) => c.id === body.contact_id && !c.deletedAt)
  ) {
    problems.push("contact_id: no contact with this id");
  }
  for (const tagId of (body.tags as string[] | undefined) ?? []) {
    if (!ctx.state.tags.some((t) => t.id === tagId)) problems.push(`tags: no tag with id ${tagId}`);
  }
  if (body.assigneeId && !ctx.state.agents.some((a) => a.id === body.assigneeId))
    problems.push("assigneeId: no agent with this id");
  const custom = validateCustomFields(
    (body.customFields as Record<string, unknown> | undefined) ?? {},
    ctx.state.ticketFields,
  );
  for (const [key, message] of Object.entries(custom)) problems.push(`customFields.${key}: ${message}`);
  if (problems.length) throw new SimHttpError(400, `Validation failed: ${problems.join("; ")}`);
}

function applyTicketFields(ticket: TicketRecord, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === "contact_id") ticket.contactId = value as string;
    else if (key === "tags") ticket.tagIds = value as string[];
    else if (key === "customFields")
      ticket.customFields = { ...ticket.customFields, ...(value as Record<string, unknown>) };
    else ticket[key] = value;
  }
}

export const ticketHandlers: Record<string, Handler> = {
  "tickets.list": (req, { state }) => {
    const exact = (name: string) => fold(req.query.get(name)?.trim() ?? "");
    const [status, priority, channel, keyword] = [
      exact("status"),
      exact("priority"),
      exact("channel"),
      exact("keyword"),
    ];
    const matching = state.tickets.filter(
      (t) =>
        (!status || fold(t.status) === status) &&
        (!priority || fold(t.priority) === priority) &&
        (!channel || fold(t.channel) === channel) &&
        (!keyword ||
          fold(t.title).includes(keyword) ||
          fold(t.description).includes(keyword) ||
          String(t.ticketNumber).includes(keyword)),
    );
    return { status: 200, body: paginate(matching, req.query, (t) => ticketView(state, t)) };
  },

  "tickets.create": (req, ctx) => {
    const body = validBody(ticketCreateBodySchema, req.body) as Record<string, unknown>;
    checkTicketFields(ctx, body);
    const at = ctx.now().toISOString();
    const ticket: TicketRecord = {
      id: ctx.rng.uuid(),
      ticketNumber: ctx.state.nextTicketNumber++,
      title: "",
      description: "",
      type: "question",
      channel: "email",
      priority: "medium",
      status: "open",
      contactId: "",
      creatorId: ctx.state.agents[0].id,
      // New tickets are assigned at once, as the documented 201 answer shows (assignee, reasonToAssign).
      assigneeId: ctx.state.agents[ctx.state.nextTicketNumber % ctx.state.agents.length].id,
      reasonToAssign: "Round robin",
      tagIds: [],
      customFields: {},
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    applyTicketFields(ticket, body);
    ctx.state.tickets.unshift(ticket);
    const view = ticketView(ctx.state, ticket);
    ctx.emit("ticket.create", view);
    return { status: 201, body: { success: true, data: view } };
  },

  "tickets.byContact": (req, { state }) => {
    const contact = liveContact(state, req.params.contactId);
    const tickets = state.tickets.filter((t) => t.contactId === contact.id);
    return { status: 200, body: paginate(tickets, req.query, (t) => ticketView(state, t)) };
  },

  "tickets.fields": (req, { state }) => ({ status: 200, body: paginate(state.ticketFields, req.query, (f) => f) }),

  "tickets.update": (req, ctx) => {
    const ticket = findTicket(ctx.state, req.params.id);
    const body = validBody(ticketUpdateBodySchema, req.body) as Record<string, unknown>;
    checkTicketFields(ctx, body);
    applyTicketFields(ticket, body);
    ticket.updatedAt = ctx.now().toISOString();
    const view = ticketView(ctx.state, ticket);
    ctx.emit("ticket.update", view);
    return { status: 200, body: { success: true, data: view } };
  },

  "tickets.updateStatus": (req, ctx) => {
    const ticket = findTicket(ctx.state, req.params.id);
    const { status } = validBody(ticketStatusBodySchema, req.body);
    checkTicketFields(ctx, { status });
    ticket.status = status;
    ticket.updatedAt = ctx.now().toISOString();
    const view = ticketView(ctx.state, ticket);
    ctx.emit("ticket.update", view);
    return { status: 200, body: { success: true, data: view } };
  },
};
