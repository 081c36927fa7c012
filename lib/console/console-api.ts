// Browser-side calls to the console's own API (the K-LINK proxy under /api/klink/v1/... and the
// admin APIs), with the session cookie. Safe to import in client components: no secrets, no
// server modules. Failures come back as values holding the console's error body (status, code,
// message, field errors, request id), so forms can show them by their fields.
import { readErrorBody } from "../errors/error-body";
import { klinkRejection } from "../errors/klink-rejection";

export type ConsoleApiError = {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  fields?: Record<string, string[]>;
  retryAfterSeconds?: number;
};

export type ConsoleApiResult<T> =
  { ok: true; status: number; data: T; headers: Headers } | { ok: false; error: ConsoleApiError };

export async function consoleApi<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<ConsoleApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: "same-origin",
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return {
      ok: false,
      error: {
        status: 0,
        code: "network_error",
        message: "The console could not be reached. Check your connection and try again.",
      },
    };
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (response.ok) return { ok: true, status: response.status, data: body as T, headers: response.headers };
  return { ok: false, error: errorOf(response, body) };
}

function errorOf(response: Response, body: unknown): ConsoleApiError {
  const ours = readErrorBody(body);
  // Not ours: K-LINK's own 4xx, passed through as K-LINK sent it.
  const rejection = ours ? null : klinkRejection(response.status, body);
  const retryAfter = Number(response.headers.get("retry-after"));
  const bodyRequestId = body && typeof body === "object" ? (body as { requestId?: unknown }).requestId : undefined;
  return {
    status: response.status,
    code: ours?.code ?? rejection!.code,
    message: (ours ? ours.message : rejection!.message) || `The request failed (${response.status}).`,
    requestId: typeof bodyRequestId === "string" ? bodyRequestId : (response.headers.get("x-request-id") ?? undefined),
    fields: ours?.fields,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/** SWR fetcher: the parsed body, or throws the ConsoleApiError (SWR keeps the last good data). */
export async function swrFetcher<T = unknown>(path: string): Promise<T> {
  const result = await consoleApi<T>(path);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.data;
}

/** Field errors of a proxy call keyed without their "body." prefix, e.g. { title: [...], "customFields.cf_date": [...] }. */
export function fieldErrors(error: ConsoleApiError | undefined): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error?.fields ?? {}))
    fields[key.replace(/^(body|query|params)\./, "")] = messages;
  return fields;
}
