// The console's typed errors and the one table from error code to HTTP status (a leaf: imports
// nothing of the app, so every layer can throw these). A code names what went wrong for the
// caller; its status follows from the table, never from the place that throws it.
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  incomplete_body: 400,
  bad_json: 400,
  unauthorized: 401,
  unauthenticated: 401,
  invalid_signature: 401,
  forbidden: 403,
  cross_origin: 403,
  session_required: 403,
  not_found: 404,
  unknown_endpoint: 404,
  unknown_connection: 404,
  method_not_allowed: 405,
  conflict: 409,
  no_connection: 409,
  connection_not_allowed: 409,
  payload_too_large: 413,
  rate_limited: 429,
  upstream_rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  upstream_auth_failed: 502,
  upstream_unreachable: 502,
  upstream_bad_response: 502,
  upstream_too_large: 502,
  circuit_open: 503,
  connection_unavailable: 503,
  unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }
}

export const badRequest = (message: string, fields?: FieldErrors) => new ApiError("bad_request", message, { fields });
export const unauthorized = (message = "Sign in or send a valid API key.") => new ApiError("unauthorized", message);
export const forbidden = (message = "Your role does not allow this.") => new ApiError("forbidden", message);
export const notFound = (message = "Not found.") => new ApiError("not_found", message);
export const conflict = (message: string) => new ApiError("conflict", message);
