import "server-only";
// What the connections API and pages accept. Tokens and webhook secrets are write-only: they
// come in here and are never sent back. Server-side only: the base URL rules read the server's
// configuration when a body is parsed.
import { z } from "zod";
import { checkBaseUrl } from "./base-url";

export const WEBHOOK_MODES = ["hmac", "basic", "header", "none"] as const;

const baseUrlSchema = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    const result = checkBaseUrl(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.baseUrl;
  });

export const tokenSchema = z
  .string()
  .trim()
  .max(4096)
  .regex(/^kpt_\S{4,}$/, "must be a K-LINK API token (kpt_…), issued under Settings → API Tokens");

const webhookSchema = z.strictObject({
  mode: z.enum(WEBHOOK_MODES, "must be hmac, basic, header or none").optional(),
  /** hmac: the signing secret; a new one keeps the old one valid until clearPreviousSecret. */
  secret: z.string().min(8, "must be at least 8 characters").max(512).optional(),
  clearPreviousSecret: z.boolean().optional(),
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(512).optional(),
  headerName: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be an HTTP header name")
    .transform((v) => v.toLowerCase())
    .optional(),
  headerValue: z.string().min(1).max(1024).optional(),
});

export const createConnectionSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  baseUrl: baseUrlSchema.optional(),
  token: tokenSchema,
  isDefault: z.boolean().optional(),
  webhook: webhookSchema.optional(),
});

export const updateConnectionSchema = z
  .strictObject({
    name: z.string().trim().min(1, "is required").max(100).optional(),
    baseUrl: baseUrlSchema.optional(),
    token: tokenSchema.optional(),
    isDefault: z.boolean().optional(),
    webhook: webhookSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");

export type WebhookInput = z.infer<typeof webhookSchema>;
export type CreateConnectionInput = z.input<typeof createConnectionSchema>;
export type UpdateConnectionInput = z.input<typeof updateConnectionSchema>;
