import "server-only";
// What every answered request leaves behind, whichever front door answered it (the route wrapper
// in route.ts, or a handler of the console's own server, lib/doors/front-door.ts): its metrics and
// its one "request" log line.
import { logger } from "../log/logger";
import { observeHttpRequest } from "../metrics/observe-request";

/** `route` is the route's template (lib/metrics/route-label.ts); `path` is the path without its query. */
export function recordAnsweredRequest(request: {
  method: string;
  path: string;
  route: string;
  status: number;
  ms: number;
}): void {
  observeHttpRequest(request.method, request.route, request.status, request.ms / 1000);
  logger.info(
    { method: request.method, path: request.path, status: request.status, ms: Math.round(request.ms) },
    "request",
  );
}
