import "server-only";
// Any thrown value as the HTTP answer of a route: described by lib/errors/describe-error.ts, or,
// for a fault nobody expected, a 500 that reveals nothing but the request id (and is logged).
// errorAnswer is the same answer as data, for the console server's own front door, which writes
// to Node's response rather than returning a web Response.
import { describeError } from "../errors/describe-error";
import { errorBody, internalErrorBody, type ErrorBody } from "../errors/error-body";
import { logger } from "../log/logger";

export type ErrorAnswer = { status: number; headers: Record<string, string>; body: ErrorBody };

export function errorAnswer(error: unknown, requestId: string): ErrorAnswer {
  const described = describeError(error);
  if (described) {
    return {
      status: described.status,
      headers: { "x-request-id": requestId, ...described.headers },
      body: errorBody(described.code, described.message, requestId, described.fields),
    };
  }
  logger.error({ err: error }, "unhandled error");
  return { status: 500, headers: { "x-request-id": requestId }, body: internalErrorBody(requestId) };
}

export function errorResponse(error: unknown, requestId: string): Response {
  const { status, headers, body } = errorAnswer(error, requestId);
  return Response.json(body, { status, headers });
}
