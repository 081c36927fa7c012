// Tickets (endpoints.md "Shared object: Ticket", §13–§18).
import { z } from "zod";
import { customFieldsMapSchema } from "./custom-fields";
import { agentRefSchema, idSchema, listingSchema, tagRefSchema } from "./common";

/** One value of a ticket's customFields, as the Create page's 201 answer prints it. */
export const customFieldValueSchema = z.looseObject({
  id: z.string(),
  textValue: z.string(),
  attribute: z.looseObject({ id: z.string(), systemName: z.string(), displayName: z.string(), type: z.string() }),
});

/**
 * The ticket object exactly as the Create page prints it (ticket-create-page.txt, the verbatim
 * page). Required: what every documented ticket shows (the listing example is cut off after
 * `assignee.id`, so contact, tags and customFields may be absent). Null where an unassigned or
 * living ticket has nothing to say. A description for drift detection (find-drift.ts), never a gate.
 */
export const ticketSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  type: z.string(),
  channel: z.string(),
  priority: z.string(),
  status: z.string(),
  contactId: z.string(),
  creatorId: z.string(),
  assigneeId: z.string().nullable(),
  reasonToAssign: z.string().nullable(),
  ticketNumber: z.number(),
  assignee: agentRefSchema.nullable(),
  contact: z.looseObject({ id: z.string(), name: z.string() }).nullish(),
  tags: z.array(tagRefSchema).optional(),
  customFields: z.array(customFieldValueSchema).optional(),
});

export const ticketListingSchema = listingSchema(ticketSchema);
/** Ticket create answers 201 `{success: true, data}`; update and update status are assumed to do the same. */
export const ticketWriteResponseSchema = z.looseObject({ success: z.boolean(), data: ticketSchema });

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const ticketFields = {
  title: z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters"),
  description: z.string().max(20_000, "must be at most 20000 characters").optional(),
  status: text(50).optional(),
  priority: text(50).optional(),
  /** snake_case on create, unlike `contactId` in ticket objects (shared/klink-api/README.md §4). */
  contact_id: z
    .string({ error: "is required (ticket create takes contact_id in snake_case)" })
    .trim()
    .min(1, "is required (ticket create takes contact_id in snake_case)")
    .max(200, "is too long"),
  channel: text(50).optional(),
  /** Tag UUIDs (contact "update tags" takes names instead — shared/klink-api/README.md §10.6). */
  tags: z.array(idSchema).max(50, "at most 50 tags").optional(),
  customFields: customFieldsMapSchema.optional(),
};

export const ticketCreateBodySchema = z.looseObject(ticketFields);

/** Ticket update (PATCH, assumed): any create field, plus the assignee; at least one. */
export const ticketUpdateBodySchema = z
  .looseObject({
    ...ticketFields,
    title: ticketFields.title.optional(),
    contact_id: idSchema.optional(),
    assigneeId: idSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" })
  .refine((body) => !("contactId" in body) || "contact_id" in body, {
    path: ["contactId"],
    message: "ticket update takes contact_id (snake_case), not contactId",
  });

export const ticketStatusBodySchema = z.looseObject({
  status: z.string({ error: "is required" }).trim().min(1, "is required").max(50),
});
