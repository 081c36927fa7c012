import "server-only";
// What counts as K-LINK being in trouble, as opposed to K-LINK refusing a bad request. Only
// faults may be answered from a stale cache entry, retried or counted by the circuit breaker;
// K-LINK's own 4xx (except 429) are answers to pass on.
import {
  KlinkHttpError,
  KlinkNetworkError,
  KlinkResponseShapeError,
  KlinkResponseTooLargeError,
  KlinkTimeoutError,
} from "../klink/errors";
import { CircuitOpenError } from "./circuit-open-error";

/**
 * K-LINK could not give an answer now: worth serving a stale entry (stale-if-error). Besides
 * faults and 429: an answer that is not JSON (a 200 login page, a cut-off body), one over the
 * size limit, and an error status whose body is an HTML page (a gateway's or firewall's, not
 * K-LINK's own JSON refusal).
 */
export function isUpstreamFault(error: unknown): boolean {
  return (
    opensCircuit(error) ||
    error instanceof CircuitOpenError ||
    error instanceof KlinkResponseShapeError ||
    error instanceof KlinkResponseTooLargeError ||
    (error instanceof KlinkHttpError && (error.status === 429 || isHtmlPage(error.body)))
  );
}

function isHtmlPage(body: unknown): boolean {
  return typeof body === "string" && /^\s*<(!doctype\s+html|html|head|body)\b/i.test(body);
}

/**
 * K-LINK looks unhealthy: counted by the circuit breaker. A 429 is not: it is about how much we
 * ask, has its own Retry-After, and must not cut off a connection that is otherwise healthy.
 */
export function opensCircuit(error: unknown): boolean {
  return (
    error instanceof KlinkNetworkError ||
    error instanceof KlinkTimeoutError ||
    (error instanceof KlinkHttpError && error.status >= 500)
  );
}

/** A failure that is worth trying again at once (with backoff), for idempotent requests. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof KlinkNetworkError || (error instanceof KlinkHttpError && [502, 503, 504].includes(error.status))
  );
}
