// Send message (endpoints.md §21).
import { z } from "zod";
import { idSchema, optionalText } from "./common";

export const messageSendBodySchema = z.looseObject({
  contactId: idSchema,
  /** Only "text" is documented. */
  messageType: z.string().trim().min(1, "must not be empty").max(50).optional(),
  message: z.string({ error: "is required" }).min(1, "is required").max(10_000, "must be at most 10000 characters"),
  /** The client's own timestamp, ISO-8601 (purpose not documented). */
  createdAt: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time" }).optional(),
});

/** The documented answer stops after partition_key; the rest are the request's own names (assumed). */
export const sentMessageSchema = z.looseObject({
  id: z.string(),
  createdAt: optionalText,
  updatedAt: optionalText,
  deletedAt: optionalText,
  clientRequestId: optionalText,
  partition_key: optionalText,
  contactId: optionalText,
  channelId: optionalText,
  channel: optionalText,
  messageType: optionalText,
  message: optionalText,
  direction: optionalText,
  sentAt: optionalText,
});

/** `status` is a number here, a string in other envelopes (shared/klink-api/README.md §5). */
export const messageSendResponseSchema = z.looseObject({
  status: z.number(),
  message: z.string(),
  data: sentMessageSchema,
});
