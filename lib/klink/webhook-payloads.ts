// K-LINK webhook deliveries (webhooks.md §5–§6): one envelope, event-specific data. Known events
// are validated loosely; unknown events keep their data as it came. Safe to import anywhere.
import { z } from "zod";
import { contactSchema } from "./schemas/contact";
import { ticketSchema } from "./schemas/ticket";
import { optionalText } from "./schemas/common";

export const webhookEnvelopeSchema = z.looseObject({
  event: z.string().min(1),
  timestamp: z.string(),
  data: z.unknown(),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

/** Message events: the payload was not captured; these are the API's own field names (an assumption). */
export const messageEventSchema = z.looseObject({
  id: z.string(),
  contactId: optionalText,
  messageType: optionalText,
  message: optionalText,
  channel: optionalText,
  direction: optionalText,
  createdAt: optionalText,
});

/** Documented: contact.create, message.inbound, message.outbound; the others are assumed names. */
export const webhookDataSchemas = {
  "contact.create": contactSchema,
  "contact.update": contactSchema,
  "contact.delete": contactSchema,
  "ticket.create": ticketSchema,
  "ticket.update": ticketSchema,
  "message.inbound": messageEventSchema,
  "message.outbound": messageEventSchema,
} as const;

/** `2026-01-09T03:42:38.000000Z`: UTC with six fractional digits, as in the documented envelope. */
export function webhookTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}
