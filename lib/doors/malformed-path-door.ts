import "server-only";
// A path whose percent-encoding is malformed (`/api/klink/v1/contacts/%zz`, `%ff%fe` that is not
// UTF-8, a lone `%`) answered 400 by the console's own server, in front of Next.js: Next.js fails
// to decode such a path's segments and answers 500 (for pages and route handlers alike). The
// webhook endpoint's front door comes first and stores a delivery to such a path like any other.
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody } from "../errors/error-body";
import { recordAnsweredRequest } from "../http/answered-request";
import { apiAnswerHeaders } from "../http/security-headers";
import { env } from "../env";
import { REQUEST_ID_HEADER, requestIdFrom } from "../log/request-context";
import { UNMATCHED_ROUTE } from "../metrics/route-label";
import { nodeHeaderBag } from "../webhooks/header-bag";

/** Whether every %-escape of the path (before `?`) decodes to UTF-8 text. */
export function hasWellFormedEscapes(url: string): boolean {
  const path = url.split("?")[0];
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function malformedPathDoor(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  if (hasWellFormedEscapes(url)) return false;
  const started = performance.now();
  const requestId = requestIdFrom(nodeHeaderBag(req.headers));
  const json = JSON.stringify(
    errorBody("bad_request", "The path is not valid: its percent-encoding is malformed.", requestId),
  );
  res.writeHead(400, {
    ...apiAnswerHeaders(env().NEXTAUTH_URL),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
    [REQUEST_ID_HEADER]: requestId,
  });
  res.end(json);
  // The body, if any, is not read: the connection ends with the answer.
  if (req.method !== "GET" && req.method !== "HEAD") res.once("finish", () => req.destroy());
  recordAnsweredRequest({
    method: req.method ?? "GET",
    // The raw path cannot be decoded; it is logged cut short.
    path: url.split("?")[0].slice(0, 200),
    route: UNMATCHED_ROUTE,
    status: 400,
    ms: performance.now() - started,
  });
  return true;
}
