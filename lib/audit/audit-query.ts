// The audit log's filters as they arrive in a URL (API, CSV export and the admin page share it).
// `from`/`to` take a date (2026-03-01: `to` then covers that whole day) or a date-time.
import { z } from "zod";
import { parseUtcInstant } from "../http/utc-instant";
import type { AuditFilter } from "./list-audit";

const text = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .optional()
  .transform((v) => v || undefined);

const instant = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const date = parseUtcInstant(v, endOfDay ? "end" : "start");
      if (!date) {
        ctx.addIssue({ code: "custom", message: "must be a date (2026-03-01) or a date-time (2026-03-01T12:00:00Z)" });
        return z.NEVER;
      }
      return date;
    });

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "invalid"] as const;

export const auditQuerySchema = z.object({
  actor: text,
  action: text,
  target: text,
  connection: text,
  outcome: z
    .enum(AUDIT_OUTCOMES, { error: `must be one of ${AUDIT_OUTCOMES.join(", ")}` })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: instant(false),
  to: instant(true),
  cursor: text,
  limit: z.coerce.number().int().min(1, "must be at least 1").max(500, "must be at most 500").optional(),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function auditFilterOf(query: AuditQuery): AuditFilter {
  return {
    actor: query.actor,
    action: query.action,
    target: query.target,
    connection: query.connection,
    outcome: query.outcome,
    from: query.from,
    to: query.to,
  };
}
