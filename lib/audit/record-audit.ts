import "server-only";
// Writes one audit record. Every change made through the console, every admin action and every
// login event goes through here. Secrets are masked and text made storable before anything is stored.
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";
import { currentRequestContext } from "../log/request-context";
import { logger } from "../log/logger";
import type { Actor } from "../identity/actor";
import { storableText, storableValue } from "../http/storable-text";
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

/**
 * Stores the record. What the caller sent can never make it fail: every text is made storable
 * first (lib/http/storable-text.ts) and long ones are cut. Should the full record still be refused
 * (a value no check foresaw), a minimal one is stored instead — action, outcome, actor, target,
 * request id and the reason — never nothing. Only a database that takes no record at all throws.
 */
export async function recordAudit(entry: AuditEntry, database: Db = defaultDb()): Promise<string> {
  let id: string;
  try {
    id = (await database.auditLog.create({ data: auditRow(entry), select: { id: true } })).id;
  } catch (error) {
    logger.error(
      { err: error, audit: { action: entry.action, outcome: entry.outcome } },
      "audit record refused as built: storing a minimal record instead",
    );
    id = (await database.auditLog.create({ data: minimalRow(entry, error), select: { id: true } })).id;
  }
  logger.info({ audit: { action: entry.action, outcome: entry.outcome, target: entry.target?.id } }, "audit");
  return id;
}

function auditRow(entry: AuditEntry) {
  return {
    ...minimalColumns(entry),
    path: text(entry.path, 2048),
    upstreamStatus: entry.upstreamStatus ?? null,
    latencyMs: entry.latencyMs === undefined ? null : Math.round(entry.latencyMs),
    ip: text(entry.ip, 100),
    userAgent: text(entry.userAgent, 512),
    details: jsonOrUndefined(entry.details),
    before: jsonOrUndefined(entry.before),
    after: jsonOrUndefined(entry.after),
  };
}

/** Who did what, how it ended and the request it came from: what is kept when the full record is refused. */
function minimalColumns(entry: AuditEntry) {
  const actor = entry.actor ?? { type: "system" as const };
  return {
    action: text(entry.action, 200) ?? "(unknown)",
    outcome: entry.outcome,
    actorType: actor.type,
    actorId: text(actor.id),
    actorEmail: text(actor.email),
    actorRole: text(actor.role),
    apiKeyId: text(actor.apiKeyId),
    targetType: text(entry.target?.type),
    targetId: text(entry.target?.id),
    connectionId: text(entry.connectionId),
    method: text(entry.method, 16),
    status: entry.status ?? null,
    requestId: text(entry.requestId ?? currentRequestContext()?.requestId),
  };
}

function minimalRow(entry: AuditEntry, error: unknown) {
  return {
    ...minimalColumns(entry),
    details: { auditFallback: true, reason: error instanceof Error ? error.name : "unknown" },
  };
}

/** Long enough for any id, e-mail address or path a real request carries; what is longer is cut. */
const MAX_COLUMN_LENGTH = 512;
/** A string inside details, before or after (a request body's text field) is kept up to this. */
const MAX_JSON_STRING_LENGTH = 64 * 1024;

/** Typed as text, but whatever a caller passed (a number from K-LINK's answer) is stored as text. */
function text(value: unknown, max = MAX_COLUMN_LENGTH): string | null {
  return value === undefined || value === null ? null : storableText(String(value).slice(0, max));
}

function jsonOrUndefined(value: unknown) {
  if (value === undefined) return undefined;
  const storable = storableValue(redactSecrets(value), 32, MAX_JSON_STRING_LENGTH);
  return JSON.parse(JSON.stringify(storable) ?? "null") as object;
}
