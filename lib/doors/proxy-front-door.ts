import "server-only";
// GET and HEAD under /api/klink/v1/ answered straight from Node's request, in front of Next.js:
// scripts/serve.mjs offers it every request first (lib/doors/front-door.ts), as it does webhook
// deliveries. The same authorization as the route wrapper (authorize.ts: API key or next-auth
// session cookie, the user's current role), the same proxy pipeline as the route handler
// (lib/klink-data/proxy-pipeline.ts: connection, validation, cache, resilience, headers), the
// same request id, log line and metrics; what it leaves out is Next.js's request pipeline, which
// costs more CPU than a cached answer (docs/benchmarks.md). Writes, and any path Next.js would
// see differently (normalized, redirected), stay with Next.js and the route handler.
import type { ServerResponse } from "node:http";
import { env } from "../env";
import { recordAnsweredRequest } from "../http/answered-request";
import { apiAnswerHeaders } from "../http/security-headers";
import { proxyAnswer, proxyBodyText, proxyMetricsRoute, type ProxyAnswer } from "../klink-data/proxy-pipeline";
import { logger } from "../log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "../log/request-context";
import { nodeHeaderBag } from "../webhooks/header-bag";
import { authorize } from "./authorize";
import { errorAnswer } from "./error-response";
import type { FrontDoorHandler } from "./front-door";

const PROXY_PREFIX = "/api/klink/v1/";
// Only the URL's path and query are read; the origin is never compared for reads.
const BASE = "http://localhost";

/** Answers the request and returns true when it is a proxy read; false leaves it to Next.js. */
export const nodeProxyEndpoint: FrontDoorHandler = (req, res) => {
  const method = req.method;
  if (method !== "GET" && method !== "HEAD") return false;
  const url = proxyUrlOf(req.url ?? "");
  if (!url) return false;
  const headers = nodeHeaderBag(req.headers);
  const requestId = requestIdFrom(headers);
  const started = performance.now();
  void runWithRequestContext({ requestId }, async () => {
    let answer: ProxyAnswer;
    try {
      const request = { method, url: url.href, headers };
      const actor = await authorize(request, { access: "viewer" }, requestId);
      answer = await proxyAnswer({ method, url, headers, readJson: async () => undefined }, actor, requestId);
    } catch (error) {
      const { status, headers: errorHeaders, body } = errorAnswer(error, requestId);
      answer = { status, headers: errorHeaders, body: { json: body } };
    }
    send(res, answer, requestId);
    recordAnsweredRequest({
      method,
      path: url.pathname,
      route: proxyMetricsRoute({ method, url }),
      status: answer.status,
      ms: performance.now() - started,
    });
  }).catch((error: unknown) => {
    logger.error({ err: error }, "K-LINK proxy read could not be answered");
    res.destroy();
  });
  return true;
};

/**
 * The request's URL when it is a proxy path exactly as Next.js would route it, else null: a path
 * that URL parsing changes ("..", "%2e", backslashes), an empty segment or a trailing slash
 * (Next.js redirects those) is left to Next.js.
 */
function proxyUrlOf(target: string): URL | null {
  if (!target.startsWith(PROXY_PREFIX)) return null;
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (path.endsWith("/") || path.includes("//") || path.includes("#")) return null;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return null;
  }
  return url.pathname === path ? url : null;
}

function send(res: ServerResponse, answer: ProxyAnswer, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = proxyBodyText(answer.body);
  const headers: Record<string, string | number> = {
    ...answerHeaders(),
    ...answer.headers,
    [REQUEST_ID_HEADER]: requestId,
  };
  if (!body) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  headers["content-type"] = body.contentType;
  headers["content-length"] = Buffer.byteLength(body.text);
  // Node sends no body for HEAD by itself; the headers are GET's.
  res.writeHead(answer.status, headers).end(body.text);
}

// The headers of every API answer, made once per public URL rather than on every answer.
let made: { publicUrl: string; headers: Record<string, string> } | undefined;

function answerHeaders(): Record<string, string> {
  const publicUrl = env().NEXTAUTH_URL;
  if (made?.publicUrl !== publicUrl) made = { publicUrl, headers: apiAnswerHeaders(publicUrl) };
  return made.headers;
}
