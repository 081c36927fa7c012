// Metadata K-LINK puts around a response: its own request id and Retry-After.

/** API gateways name their request id differently; K-LINK's CX logs also carry it in the body. */
const REQUEST_ID_HEADERS = ["x-request-id", "x-amzn-requestid", "apigw-requestid", "x-correlation-id"];

export function upstreamRequestIdOf(headers: Record<string, string>, body: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) if (headers[name]) return headers[name];
  const fromBody = typeof body === "object" && body !== null ? (body as { requestId?: unknown }).requestId : undefined;
  return typeof fromBody === "string" && fromBody ? fromBody : undefined;
}

/** Retry-After is either delta-seconds or an HTTP date; both become whole seconds from now. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
