import "server-only";
// The K-LINK proxy under /api/klink/v1/...: one pipeline for every registry endpoint, whichever
// front door took the request (the route handler through Next.js, lib/klink-data/proxy-route.ts,
// or the console server's own handler of reads in front of Next.js, lib/doors/proxy-front-door.ts).
// The path after /api/klink mirrors K-LINK's path after /api (so /api/klink/v1/tickets is
// K-LINK's /api/v1/tickets), with the same methods, query parameters, bodies and response
// envelopes. Authentication and request ids come from the door; the role per endpoint,
// validation, caching, resilience and audit from callKlink. The answer is data (status, headers,
// body), so each door writes it its own way and nothing here is written twice.
import { ApiError, notFound } from "../errors/api-error";
import { KlinkHttpError } from "../klink/errors";
import { matchEndpoint, pathIsKnown } from "../klink/match-endpoint";
import { endpoints, type EndpointDef } from "../klink/registry";
import { clientIp, userAgent } from "../http/client-ip";
import { activeConnection, activeConnectionCookie } from "../connections/active-connection";
import type { Actor } from "../identity/actor";
import { auditWrite, type ProxyRequestInfo } from "./audit-write";
import { callKlink } from "./call-klink";
import { declaredHeaderNames } from "./parse-endpoint-input";
import { assertProxyRateLimit } from "./proxy-rate-limit";

export const CONSOLE_PREFIX = "/api/klink";
/** Names the connection; never forwarded to K-LINK. */
const CONNECTION_PARAM = "connection";
const CONNECTION_HEADER = "x-klink-connection";
const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** What the pipeline reads of a request, from a web Request or from Node's. */
export type ProxyRequest = {
  method: string;
  url: URL;
  headers: Pick<Headers, "get">;
  /**
   * The JSON body, read within the byte limit (the endpoint's maxBodyBytes, else the default):
   * undefined when empty; throws ApiError invalid_json when it is not JSON, payload_too_large over
   * the limit.
   */
  readJson(limitBytes?: number): Promise<unknown>;
};

export type ProxyBody = { json: unknown } | { text: string } | null;
export type ProxyAnswer = { status: number; headers: Record<string, string>; body: ProxyBody };

/** HEAD is GET without the body: the same endpoint, role, cache entry and headers. */
const methodOf = (method: string) => (method === "HEAD" ? "GET" : method);

export async function proxyAnswer(req: ProxyRequest, actor: Actor, requestId: string): Promise<ProxyAnswer> {
  await assertProxyRateLimit(actor);
  const { url } = req;
  const method = methodOf(req.method);
  const klinkPath = `/api${url.pathname.slice(CONSOLE_PREFIX.length)}`;
  const match = matchEndpoint(method, klinkPath);
  if (!match) {
    if (pathIsKnown(klinkPath))
      throw new ApiError("method_not_allowed", `${req.method} is not available on this path.`);
    throw notFound("No K-LINK endpoint has this path.");
  }
  const def: EndpointDef = endpoints[match.name];
  const connectionId =
    req.headers.get(CONNECTION_HEADER) || url.searchParams.get(CONNECTION_PARAM) || (await switcherChoice(req, actor));
  const request: ProxyRequestInfo = {
    method: req.method,
    path: url.pathname,
    ip: clientIp(req.headers),
    userAgent: userAgent(req.headers),
    requestId,
  };

  let body: unknown;
  if (def.body) {
    try {
      body = await req.readJson(def.maxBodyBytes);
    } catch (error) {
      if (def.audit) {
        // Not JSON, over the limit, or the sender went away mid-body.
        const refused =
          error instanceof ApiError
            ? error
            : new ApiError("incomplete_body", "The request body was not received in full.");
        await auditWrite({
          actor,
          def,
          connectionId: connectionId ?? null,
          input: { params: match.params },
          request,
          outcome: "invalid",
          status: refused.status,
          latencyMs: 0,
          error: { code: refused.code, message: refused.message, fields: refused.options.fields },
        });
      }
      throw error;
    }
  }

  try {
    const result = await callKlink({
      actor,
      connectionId,
      endpoint: match.name,
      input: { params: match.params, query: queryOf(url), headers: headersOf(req, def), body },
      bypassCache: /\bno-cache\b/i.test(req.headers.get("cache-control") ?? ""),
      request,
    });
    const headers: Record<string, string> = {
      "cache-control": "private, no-store",
      [CONNECTION_HEADER]: result.connectionId,
    };
    if (result.cacheState) {
      headers["x-cache"] = result.cacheState;
      headers.age = String(result.ageSeconds);
      if (result.staleReason) headers["x-cache-stale-reason"] = result.staleReason;
    }
    return answerAsSent(result, headers);
  } catch (error) {
    if (error instanceof KlinkHttpError) return passThroughAnswer(error);
    throw error;
  }
}

/** K-LINK's status and body: JSON as JSON (every field kept), a write's text answer as text, no body where HTTP allows none. */
function answerAsSent(
  result: { status: number; data: unknown; json: boolean },
  headers: Record<string, string>,
): ProxyAnswer {
  if (NO_BODY_STATUSES.has(result.status)) return { status: result.status, headers, body: null };
  if (!result.json) return { status: result.status, headers, body: { text: String(result.data) } };
  return { status: result.status, headers, body: { json: result.data } };
}

/** K-LINK's own 4xx answer, as K-LINK sent it. */
function passThroughAnswer(error: KlinkHttpError): ProxyAnswer {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.upstreamRequestId) headers["x-upstream-request-id"] = error.upstreamRequestId;
  if (typeof error.body === "string") return { status: error.status, headers, body: { text: error.body } };
  return { status: error.status, headers, body: { json: error.body ?? null } };
}

// A cached answer is frozen and the same object on every hit of this process's memory cache:
// its JSON text is made once, not on every request.
const serialized = new WeakMap<object, string>();

/** The body's bytes as text and their content type; null for no body. */
export function proxyBodyText(body: ProxyBody): { text: string; contentType: string } | null {
  if (body === null) return null;
  if ("text" in body) return { text: body.text, contentType: "text/plain; charset=utf-8" };
  const value = body.json;
  if (value === null || typeof value !== "object" || !Object.isFrozen(value))
    return { text: JSON.stringify(value), contentType: "application/json" };
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialized.set(value, text);
  }
  return { text, contentType: "application/json" };
}

/** The metrics route of a proxy request: the K-LINK endpoint's path template, or the catch-all for a path of none. */
export function proxyMetricsRoute(req: { method: string; url: string | URL }): string {
  const pathname = (typeof req.url === "string" ? new URL(req.url) : req.url).pathname;
  const match = matchEndpoint(methodOf(req.method), `/api${pathname.slice(CONSOLE_PREFIX.length)}`);
  // K-LINK's /api/v1/tickets/{id} is the console's /api/klink/v1/tickets/{id}.
  return match
    ? `${CONSOLE_PREFIX}${endpoints[match.name].path.slice("/api".length)}`
    : `${CONSOLE_PREFIX}/v1/[...path]`;
}

/** A signed-in user's choice in the console's connection switcher (never for API keys: scripts name theirs). */
async function switcherChoice(req: ProxyRequest, actor: Actor): Promise<string | undefined> {
  if (actor.type !== "user") return undefined;
  const chosen = activeConnectionCookie(req.headers.get("cookie"));
  return chosen ? (await activeConnection(actor, chosen)).active?.id : undefined;
}

/** Query parameters as K-LINK would see them; a repeated one becomes a list. */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    if (name === CONNECTION_PARAM) continue;
    const values = url.searchParams.getAll(name);
    query[name] = values.length > 1 ? values : values[0];
  }
  return query;
}

/** Only the headers the endpoint declares travel on (e.g. x-client-timezone). */
function headersOf(req: ProxyRequest, def: EndpointDef): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of declaredHeaderNames(def)) {
    const value = req.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}
