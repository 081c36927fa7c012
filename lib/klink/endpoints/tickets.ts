// Ticket endpoints (shared/klink-api/README.md §13 rows 13–18).
import { z } from "zod";
import { cacheTags, changeTags } from "../cache-tags";
import { defineEndpoint, field, LIVE_CACHE, REFERENCE_CACHE, type KlinkCallInput } from "../endpoint-def";
import { idSchema, paginationQuery, paginationQuerySchema, querySchema } from "../schemas/common";
import { formFieldListingSchema } from "../schemas/reference";
import {
  ticketCreateBodySchema,
  ticketListingSchema,
  ticketStatusBodySchema,
  ticketUpdateBodySchema,
  ticketWriteResponseSchema,
} from "../schemas/ticket";

const idParams = z.object({ id: idSchema });
const filter = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional();
const ticketId = (input: KlinkCallInput) => field(input.params, "id") ?? "";

/** A changed ticket: itself, every list, and the ticket lists of its contact (from the answer). */
function ticketChanged(input: KlinkCallInput, responseData: unknown): string[] {
  const contactId =
    field((responseData as { data?: unknown } | undefined)?.data, "contactId") ?? field(input.body, "contact_id");
  return changeTags({ resource: "ticket", id: ticketId(input), contactId });
}

export const ticketEndpoints = {
  "tickets.list": defineEndpoint({
    name: "tickets.list",
    method: "GET",
    path: "/api/v1/tickets",
    // The filter names are our assumption (the page's parameter names were not captured).
    query: querySchema({ status: filter, priority: filter, channel: filter, keyword: filter, ...paginationQuery }),
    response: ticketListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...LIVE_CACHE, tags: () => [cacheTags.ticketsList()] },
    verified: true,
  }),
  "tickets.create": defineEndpoint({
    name: "tickets.create",
    method: "POST",
    path: "/api/v1/tickets",
    body: ticketCreateBodySchema,
    response: ticketWriteResponseSchema,
    successStatus: 201,
    role: "agent",
    invalidates: (input, data) => {
      const contactId =
        field(input.body, "contact_id") ?? field((data as { data?: unknown } | undefined)?.data, "contactId");
      return changeTags({ resource: "ticket", contactId });
    },
    // The new ticket id is only known from the answer; the audit record takes it from there.
    audit: { action: "ticket.create", target: () => ({ type: "ticket" }) },
    verified: true,
  }),
  "tickets.byContact": defineEndpoint({
    name: "tickets.byContact",
    method: "GET",
    path: "/api/v1/tickets/contact/{contactId}",
    params: z.object({ contactId: idSchema }),
    query: paginationQuerySchema,
    response: ticketListingSchema,
    successStatus: 200,
    role: "viewer",
    // Also tagged with the ticket list, so any ticket change that cannot name the contact clears it.
    cache: {
      ...LIVE_CACHE,
      tags: (input) => [cacheTags.contactTickets(field(input.params, "contactId") ?? ""), cacheTags.ticketsList()],
    },
    verified: false,
  }),
  "tickets.fields": defineEndpoint({
    name: "tickets.fields",
    method: "GET",
    path: "/api/v1/tickets/fields",
    query: paginationQuerySchema,
    response: formFieldListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.ticketFields()] },
    verified: false,
  }),
  "tickets.update": defineEndpoint({
    name: "tickets.update",
    method: "PATCH",
    path: "/api/v1/tickets/{id}",
    params: idParams,
    body: ticketUpdateBodySchema,
    response: ticketWriteResponseSchema,
    successStatus: 200,
    role: "agent",
    invalidates: ticketChanged,
    audit: { action: "ticket.update", target: (input) => ({ type: "ticket", id: ticketId(input) }) },
    verified: false,
  }),
  "tickets.updateStatus": defineEndpoint({
    name: "tickets.updateStatus",
    method: "PUT",
    path: "/api/v1/tickets/{id}/status",
    params: idParams,
    body: ticketStatusBodySchema,
    response: ticketWriteResponseSchema,
    successStatus: 200,
    role: "agent",
    invalidates: ticketChanged,
    audit: { action: "ticket.update_status", target: (input) => ({ type: "ticket", id: ticketId(input) }) },
    verified: false,
  }),
};
