import "server-only";
// What the destinations API and pages accept. The URL's form is checked here; the addresses its
// host resolves to are checked when it is saved (create/update) and on every send.
import { z } from "zod";
import { checkOutboundUrl } from "../http/ssrf-guard";
import { EVENT_PATTERN } from "./event-filter";
import { forwardPolicy } from "./forward-policy";

const urlSchema = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const result = checkOutboundUrl(value, forwardPolicy());
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.url;
  });

const eventTypesSchema = z
  .array(z.string().trim().max(100).regex(EVENT_PATTERN, "must be an event type such as ticket.create or ticket.*"))
  .max(50)
  .nullable();

const connectionIdsSchema = z.array(z.string().trim().min(1).max(100)).max(50).nullable();

const headerSchema = z.strictObject({
  name: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be an HTTP header name")
    .refine((v) => !/^(webhook-|content-|host$|connection$|transfer-encoding$)/i.test(v), "is set by the console")
    .transform((v) => v.toLowerCase()),
  value: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[^\r\n]*$/, "must be one line"),
});

const common = {
  url: urlSchema,
  enabled: z.boolean(),
  eventTypes: eventTypesSchema,
  connectionIds: connectionIdsSchema,
  header: headerSchema.nullable(),
  rateLimitPerSecond: z.number().int().min(1).max(1000),
  timeoutMs: z.number().int().min(1000).max(30_000),
};

export const createDestinationSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  url: common.url,
  enabled: common.enabled.optional(),
  eventTypes: common.eventTypes.optional(),
  connectionIds: common.connectionIds.optional(),
  header: common.header.optional(),
  rateLimitPerSecond: common.rateLimitPerSecond.optional(),
  timeoutMs: common.timeoutMs.optional(),
});

export const updateDestinationSchema = z
  .strictObject({
    name: z.string().trim().min(1, "is required").max(100).optional(),
    url: common.url.optional(),
    enabled: common.enabled.optional(),
    eventTypes: common.eventTypes.optional(),
    connectionIds: common.connectionIds.optional(),
    header: common.header.optional(),
    rateLimitPerSecond: common.rateLimitPerSecond.optional(),
    timeoutMs: common.timeoutMs.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");

export const rotateSecretSchema = z
  .strictObject({
    /** How long the previous secret keeps signing too (default 24 h; 0 ends it at once). */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .optional(),
  })
  .optional();

export type CreateDestinationInput = z.input<typeof createDestinationSchema>;
export type UpdateDestinationInput = z.input<typeof updateDestinationSchema>;
