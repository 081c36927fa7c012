import "server-only";
// Writes one audit record. Every change made through the console, every admin action and every
// login event goes through here. Secrets are masked before anything is stored.
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";
import { currentRequestContext } from "../log/request-context";
import { logger } from "../log/logger";
import type { Actor } from "../identity/actor";
import { redactSecrets } from "./redact";

export type AuditOutcome = "success" | "failure" | "denied" | "invalid";

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actor?: {
    type: "user" | "api_key" | "system" | "anonymous";
    id?: string | null;
    email?: string | null;
    role?: string | null;
    apiKeyId?: string | null;
  };
  target?: { type?: string; id?: string | null };
  connectionId?: string | null;
  method?: string;
  path?: string;
  status?: number;
  upstreamStatus?: number | null;
  latencyMs?: number;
  requestId?: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: unknown;
  before?: unknown;
  after?: unknown;
};

/** The actor as the audit log records it. */
export function auditActorOf(actor: Actor): NonNullable<AuditEntry["actor"]> {
  return {
    type: actor.type,
    id: actor.userId,
    email: actor.email,
    role: actor.role,
    apiKeyId: actor.apiKeyId ?? null,
  };
}

export async function recordAudit(entry: AuditEntry, database: Db = defaultDb()): Promise<string> {
  const actor = entry.actor ?? { type: "system" as const };
  const row = await database.auditLog.create({
    data: {
      action: entry.action,
      outcome: entry.outcome,
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorEmail: actor.email ?? null,
      actorRole: actor.role ?? null,
      apiKeyId: actor.apiKeyId ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      connectionId: entry.connectionId ?? null,
      method: entry.method ?? null,
      path: entry.path ?? null,
      status: entry.status ?? null,
      upstreamStatus: entry.upstreamStatus ?? null,
      latencyMs: entry.latencyMs === undefined ? null : Math.round(entry.latencyMs),
      requestId: entry.requestId ?? currentRequestContext()?.requestId ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 512) ?? null,
      details: jsonOrUndefined(entry.details),
      before: jsonOrUndefined(entry.before),
      after: jsonOrUndefined(entry.after),
    },
    select: { id: true },
  });
  logger.info({ audit: { action: entry.action, outcome: entry.outcome, target: entry.target?.id } }, "audit");
  return row.id;
}

function jsonOrUndefined(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(redactSecrets(value))) as object);
}
