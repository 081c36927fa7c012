// The JSON body of every error the console answers, written by the server and read back by the
// browser (lib/console/console-api.ts): one shape, defined once.
import type { FieldErrors } from "./api-error";

export type ErrorBody = {
  status: "error";
  code: string;
  message: string;
  requestId: string;
  fields?: FieldErrors;
};

export function errorBody(code: string, message: string, requestId: string, fields?: FieldErrors): ErrorBody {
  return { status: "error", code, message, requestId, ...(fields ? { fields } : {}) };
}

/** The body of a 500: nothing but the request id to quote. */
export function internalErrorBody(requestId: string): ErrorBody {
  return errorBody("internal_error", "Something went wrong. Quote the request id when reporting it.", requestId);
}

/** The console's own error body, or null for any other answer (K-LINK's own, passed through). */
export function readErrorBody(body: unknown): (Omit<ErrorBody, "requestId"> & { requestId?: string }) | null {
  if (!body || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  if (record.status !== "error" || typeof record.code !== "string") return null;
  return {
    status: "error",
    code: record.code,
    message: typeof record.message === "string" ? record.message : "",
    ...(typeof record.requestId === "string" ? { requestId: record.requestId } : {}),
    ...(record.fields && typeof record.fields === "object" ? { fields: record.fields as FieldErrors } : {}),
  };
}
