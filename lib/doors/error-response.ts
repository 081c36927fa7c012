import "server-only";
// Any thrown value as the HTTP answer of a route: described by lib/errors/describe-error.ts, or,
// for a fault nobody expected, a 500 that reveals nothing but the request id (and is logged).
import { describeError } from "../errors/describe-error";
import { errorBody, internalErrorBody } from "../errors/error-body";
import { logger } from "../log/logger";

export function errorResponse(error: unknown, requestId: string): Response {
  const described = describeError(error);
  if (described) {
    return Response.json(errorBody(described.code, described.message, requestId, described.fields), {
      status: described.status,
      headers: { "x-request-id": requestId, ...described.headers },
    });
  }
  logger.error({ err: error }, "unhandled error");
  return Response.json(internalErrorBody(requestId), { status: 500, headers: { "x-request-id": requestId } });
}
