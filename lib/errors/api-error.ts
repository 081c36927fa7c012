// Typed errors and the one function that maps any thrown value to an HTTP response. Unknown
// errors become a 500 that reveals nothing but the request id.
import { ZodError } from "zod";
import { logger } from "../log/logger";

export type ErrorBody = {
  status: "error";
  code: string;
  message: string;
  requestId: string;
  fields?: Record<string, string[]>;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { fields?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, fields?: Record<string, string[]>) =>
  new ApiError(400, "bad_request", message, { fields });
export const unauthorized = (message = "Sign in or send a valid API key.") =>
  new ApiError(401, "unauthorized", message);
export const forbidden = (message = "Your role does not allow this.") => new ApiError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new ApiError(404, "not_found", message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);

/** Field path → messages, e.g. { "body.customFields.cf_date": ["must be YYYY-MM-DD"] }. */
export function zodFieldErrors(error: ZodError, prefix?: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "input";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  requestId: string,
  fields?: Record<string, string[]>,
): ErrorBody {
  return { status: "error", code, message, requestId, ...(fields ? { fields } : {}) };
}

/** The body of a 500: nothing but the request id to quote. */
export function internalErrorBody(requestId: string): ErrorBody {
  return errorBody(500, "internal_error", "Something went wrong. Quote the request id when reporting it.", requestId);
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof ApiError) {
    return Response.json(errorBody(error.status, error.code, error.message, requestId, error.options.fields), {
      status: error.status,
      headers: { "x-request-id": requestId, ...error.options.headers },
    });
  }
  if (error instanceof ZodError) {
    return Response.json(
      errorBody(400, "validation_failed", "The request is not valid.", requestId, zodFieldErrors(error)),
      {
        status: 400,
        headers: { "x-request-id": requestId },
      },
    );
  }
  logger.error({ err: error }, "unhandled error");
  return Response.json(internalErrorBody(requestId), {
    status: 500,
    headers: { "x-request-id": requestId },
  });
}
