import "server-only";
// An audit writer bound to one request (or server action): the actor, client address, user
// agent, method, path and request id are filled in, so callers only say what happened.
import type { Actor } from "../identity/actor";
import { auditActorOf, recordAudit, type AuditEntry } from "./record-audit";
import { clientIp, userAgent } from "../http/client-ip";

export type RequestInfo = {
  method?: string;
  path?: string;
  ip: string | null;
  userAgent: string | null;
  requestId?: string;
};

export type ActorAuditEntry = Omit<AuditEntry, "actor" | "ip" | "userAgent" | "requestId">;
export type Audit = (entry: ActorAuditEntry) => Promise<string>;

/** A web Request, or what the console server's front door knows of Node's request (lib/doors). */
export type RequestLike = { method: string; url: string; headers: Pick<Headers, "get"> };

export function requestInfoOf(req: RequestLike, requestId?: string): RequestInfo {
  return {
    method: req.method,
    path: new URL(req.url).pathname,
    ip: clientIp(req.headers),
    userAgent: userAgent(req.headers),
    requestId,
  };
}

export function createAudit(actor: Actor | undefined, info: RequestInfo): Audit {
  return (entry) =>
    recordAudit({
      method: info.method,
      path: info.path,
      ...entry,
      actor: actor ? auditActorOf(actor) : { type: "anonymous" },
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
    });
}

/** For command-line scripts and start-up tasks: the actor is the system itself. */
export function systemAudit(): Audit {
  return (entry) => recordAudit({ ...entry, actor: { type: "system" } });
}
