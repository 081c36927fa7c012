// Unhandled errors of page renders, server actions and route handlers, as Next.js reports them to
// instrumentation.ts's onRequestError: logged with the request id (from proxy.ts) and the digest
// Next.js shows on its error page instead of the message, so "Digest: 1234" leads to the log line.
import type { Logger } from "pino";
import { isWellFormedRequestId, REQUEST_ID_HEADER } from "./request-context";

export type FailedRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
export type FailureContext = { routePath?: string; routeType?: string };

export function logRequestError(log: Logger, error: unknown, request: FailedRequest, context: FailureContext): void {
  // Set on every page request by proxy.ts; API routes answer their own errors (lib/doors/route.ts).
  const incoming = request.headers[REQUEST_ID_HEADER];
  const digest =
    typeof error === "object" && error !== null && "digest" in error
      ? String((error as { digest: unknown }).digest)
      : undefined;
  log.error(
    {
      requestId: isWellFormedRequestId(incoming) ? incoming : undefined,
      digest,
      method: request.method,
      // The query string may carry what a user typed: the path alone says where.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "unhandled error while serving a request",
  );
}
