// The request id (and later the actor) of the request being handled, available to every log line
// without passing it around.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Whether an incoming x-request-id is safe to reuse (log lines, headers, pages). */
export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === "string" && SAFE_REQUEST_ID.test(value);
}

/** Reuses a well-formed incoming x-request-id (from a proxy in front of us) or makes a new one. */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return isWellFormedRequestId(incoming) ? incoming : randomUUID();
}
