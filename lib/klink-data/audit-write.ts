import "server-only";
// The audit record of a write through the proxy: who (user or API key, with role), what (the
// registry's action, target, request body with secrets masked), where (connection, method,
// path), how it ended (outcome, our status, K-LINK's status, latency) and the request's
// identity (request id, IP, user agent). Written for successes, K-LINK failures, validation
// failures and role denials alike.
import { auditActorOf, recordAudit, type AuditOutcome } from "../audit/record-audit";
import type { Actor } from "../identity/actor";
import { field } from "../klink/endpoint-def";
import { buildPath, type EndpointDef, type KlinkCallInput } from "../klink/registry";
import { currentRequestContext } from "../log/request-context";
import { logger } from "../log/logger";

/** The console request a call came from (absent for server components and server actions). */
export type ProxyRequestInfo = {
  method: string;
  path: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};

export type WriteAudit = {
  actor: Actor;
  def: EndpointDef;
  connectionId: string | null;
  input: KlinkCallInput;
  request?: ProxyRequestInfo;
  outcome: AuditOutcome;
  status: number;
  upstreamStatus?: number | null;
  latencyMs: number;
  /** K-LINK's answer (after), and the cached resource before the change when the cache held it. */
  after?: unknown;
  before?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

/** Never throws: a change that K-LINK made must still be answered when the audit store fails (it is logged loudly). */
export async function auditWrite(entry: WriteAudit): Promise<void> {
  const target: { type?: string; id?: string } = entry.def.audit?.target(entry.input) ?? {};
  // Creations only learn their id from K-LINK's answer ({ data: { id } } or { id }).
  const createdId = field((entry.after as { data?: unknown } | undefined)?.data, "id") ?? field(entry.after, "id");
  try {
    await recordAudit({
      action: entry.def.audit?.action ?? entry.def.name,
      outcome: entry.outcome,
      actor: auditActorOf(entry.actor),
      target: { type: target.type, id: target.id || createdId || null },
      connectionId: entry.connectionId,
      method: entry.request?.method ?? entry.def.method,
      path: entry.request?.path ?? consolePathOf(entry.def, entry.input),
      status: entry.status,
      upstreamStatus: entry.upstreamStatus ?? null,
      latencyMs: entry.latencyMs,
      requestId: entry.request?.requestId ?? currentRequestContext()?.requestId,
      ip: entry.request?.ip ?? null,
      userAgent: entry.request?.userAgent ?? null,
      details: {
        endpoint: entry.def.name,
        ...(entry.input.params ? { params: entry.input.params } : {}),
        ...(entry.input.query && Object.keys(entry.input.query).length ? { query: entry.input.query } : {}),
        ...(entry.input.body !== undefined ? { body: entry.input.body } : {}),
        ...(entry.error ? { error: entry.error } : {}),
      },
      before: entry.before,
      after: entry.after,
    });
  } catch (error) {
    logger.error(
      { action: entry.def.audit?.action, outcome: entry.outcome, err: error },
      "AUDIT RECORD LOST: could not store the audit record of a K-LINK write",
    );
  }
}

/** The console path of a call made without an HTTP request (a server action), for the record. */
function consolePathOf(def: EndpointDef, input: KlinkCallInput): string {
  return `/api/klink${buildPath(def.path, input.params ?? {}).replace(/^\/api/, "")}`;
}
