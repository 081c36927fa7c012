import "server-only";
// The K-LINK proxy under /api/klink/v1/...: one handler for every registry endpoint. The path
// after /api/klink mirrors K-LINK's path after /api (so /api/klink/v1/tickets is K-LINK's
// /api/v1/tickets), with the same methods, query parameters, bodies and response envelopes.
// Authentication, the same-origin check and request ids come from the route wrapper; the role
// per endpoint, validation, caching, resilience and audit from callKlink.
import { ApiError, notFound } from "../errors/api-error";
import { KlinkHttpError } from "../klink/errors";
import { matchEndpoint, pathIsKnown } from "../klink/match-endpoint";
import { endpoints, type EndpointDef } from "../klink/registry";
import { clientIp, userAgent } from "../http/client-ip";
import { readJson } from "../http/read-json";
import { activeConnection, activeConnectionCookie } from "../connections/active-connection";
import type { Actor } from "../identity/actor";
import { auditWrite, type ProxyRequestInfo } from "./audit-write";
import { callKlink } from "./call-klink";
import { passThroughResponse } from "./map-klink-error";
import { declaredHeaderNames } from "./parse-endpoint-input";
import { assertProxyRateLimit } from "./proxy-rate-limit";

const CONSOLE_PREFIX = "/api/klink";
/** Names the connection; never forwarded to K-LINK. */
const CONNECTION_PARAM = "connection";
const CONNECTION_HEADER = "x-klink-connection";
const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** What the route wrapper hands a handler (lib/doors/route.ts): the request, its signed-in caller and its id. */
type ProxyContext = { req: Request; actor: Actor; requestId: string };

export async function handleProxyRequest({ req, actor, requestId }: ProxyContext): Promise<Response> {
  await assertProxyRateLimit(actor);
  const url = new URL(req.url);
  const klinkPath = `/api${url.pathname.slice(CONSOLE_PREFIX.length)}`;
  const match = matchEndpoint(req.method, klinkPath);
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
      body = await readJson(req, { limitBytes: def.maxBodyBytes });
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
          error: { code: refused.code, message: refused.message },
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
    if (error instanceof KlinkHttpError) return passThroughResponse(error);
    throw error;
  }
}

/** K-LINK's status and body: JSON as JSON (every field kept), a write's text answer as text, no body where HTTP allows none. */
function answerAsSent(result: { status: number; data: unknown; json: boolean }, headers: Record<string, string>) {
  if (NO_BODY_STATUSES.has(result.status)) return new Response(null, { status: result.status, headers });
  if (!result.json) {
    return new Response(String(result.data), {
      status: result.status,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  return Response.json(result.data, { status: result.status, headers });
}

/** The metrics route of a proxy request: the K-LINK endpoint's path template, or the catch-all for a path of none. */
export function proxyMetricsRoute(req: Request): string {
  const match = matchEndpoint(req.method, `/api${new URL(req.url).pathname.slice(CONSOLE_PREFIX.length)}`);
  // K-LINK's /api/v1/tickets/{id} is the console's /api/klink/v1/tickets/{id}.
  return match
    ? `${CONSOLE_PREFIX}${endpoints[match.name].path.slice("/api".length)}`
    : `${CONSOLE_PREFIX}/v1/[...path]`;
}

/** A signed-in user's choice in the console's connection switcher (never for API keys: scripts name theirs). */
async function switcherChoice(req: Request, actor: Actor): Promise<string | undefined> {
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
function headersOf(req: Request, def: EndpointDef): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of declaredHeaderNames(def)) {
    const value = req.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}
