// What the keys API and page accept. Safe to import anywhere.
import { z } from "zod";
import { pageQuerySchema } from "../http/pagination";

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  expiresAt: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2030-01-31T00:00:00Z" })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .optional(),
});

export const listApiKeysQuerySchema = pageQuerySchema.extend({
  // Admins only: every user's keys, to revoke any of them.
  all: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
