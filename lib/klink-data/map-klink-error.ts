import "server-only";
// What a failed K-LINK call means for the console's caller. K-LINK's own answers to a bad request
// (4xx) travel on unchanged as KlinkHttpError; everything else becomes one of our errors with a
// status the caller can act on. Messages never carry the token, a stack or an internal host.
import { ApiError } from "../errors/api-error";
import {
  KlinkHttpError,
  KlinkNetworkError,
  KlinkResponseShapeError,
  KlinkResponseTooLargeError,
  KlinkTimeoutError,
} from "../klink/errors";
import { CircuitOpenError } from "../resilience/circuit-open-error";

export function mapKlinkError(error: unknown): unknown {
  if (error instanceof KlinkHttpError) {
    if (error.status === 429) {
      const headers: Record<string, string> =
        error.retryAfterSeconds !== undefined ? { "retry-after": String(error.retryAfterSeconds) } : {};
      return new ApiError("upstream_rate_limited", "K-LINK is rate-limiting this connection; try again later.", {
        headers,
      });
    }
    // K-LINK refusing the console's token is the connection's problem, not the caller's
    // credentials: a 401 passed on would look like the caller's session had expired.
    if (error.status === 401 || error.status === 403) {
      return new ApiError(
        "upstream_auth_failed",
        "K-LINK refused this connection's token; an admin must check the connection.",
      );
    }
    if (error.status >= 400 && error.status < 500) return error;
    return new ApiError("upstream_error", `K-LINK answered ${error.status}.`);
  }
  if (error instanceof KlinkTimeoutError) return new ApiError("upstream_timeout", "K-LINK did not answer in time.");
  if (error instanceof KlinkNetworkError) return new ApiError("upstream_unreachable", "K-LINK could not be reached.");
  if (error instanceof KlinkResponseShapeError)
    return new ApiError("upstream_bad_response", "K-LINK's answer was not JSON (for example a login page).");
  if (error instanceof KlinkResponseTooLargeError)
    return new ApiError("upstream_too_large", "K-LINK's answer was larger than the console reads.");
  if (error instanceof CircuitOpenError) {
    return new ApiError("circuit_open", "K-LINK calls for this connection are paused after repeated failures.", {
      headers: { "retry-after": String(error.retryAfterSeconds) },
    });
  }
  return error;
}
