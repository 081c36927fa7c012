// The query string of the admin webhook history, shared by the API route and the page.
import { z } from "zod";
import { parseUtcInstant } from "../http/utc-instant";

export const VERIFICATIONS = [
  "verified",
  "invalid_signature",
  "unauthenticated",
  "bad_json",
  "too_large",
  "unknown_connection",
] as const;
export const STATUSES = ["pending", "processing", "processed", "failed", "rejected", "duplicate"] as const;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
const optionalTime = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const at = parseUtcInstant(v);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "must be a date and time, e.g. 2026-11-25T10:00:00Z" });
      return z.NEVER;
    }
    return at;
  });

export const historyQuerySchema = z.object({
  connection: optionalText,
  event: optionalText,
  verification: z
    .enum(VERIFICATIONS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  status: z
    .enum(STATUSES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: optionalTime,
  to: optionalTime,
  cursor: optionalText,
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export function filterOf(query: Partial<HistoryQuery>) {
  return {
    connectionId: query.connection,
    eventType: query.event,
    verification: query.verification,
    status: query.status,
    from: query.from,
    to: query.to,
  };
}
