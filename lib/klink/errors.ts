// Typed failures of a call to K-LINK. The client throws them; the proxy's resilience layer and
// error mapper decide what each means for the caller.

/** K-LINK answered with a non-2xx status. `body` is the parsed JSON, or the text when not JSON. */
export class KlinkHttpError extends Error {
  readonly name = "KlinkHttpError";
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly body: unknown,
    readonly upstreamRequestId?: string,
    /** Seconds from a Retry-After header (429/503), when K-LINK sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`K-LINK ${endpoint} answered ${status}`);
  }
}

/** No answer within the per-request timeout. */
export class KlinkTimeoutError extends Error {
  readonly name = "KlinkTimeoutError";
  constructor(
    readonly endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(`K-LINK ${endpoint} did not answer within ${timeoutMs} ms`);
  }
}

/** Connection refused or reset, DNS failure, TLS failure: K-LINK was not reached. */
export class KlinkNetworkError extends Error {
  readonly name = "KlinkNetworkError";
  constructor(
    readonly endpoint: string,
    readonly causeCode?: string,
  ) {
    super(`K-LINK ${endpoint} could not be reached${causeCode ? ` (${causeCode})` : ""}`);
  }
}

/**
 * An answer longer than the console reads (KLINK_MAX_RESPONSE_BYTES): the read stopped at the
 * limit and the rest was discarded unread.
 */
export class KlinkResponseTooLargeError extends Error {
  readonly name = "KlinkResponseTooLargeError";
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly limitBytes: number,
  ) {
    super(`K-LINK ${endpoint} answered ${status} with a body over ${limitBytes} bytes`);
  }
}

/**
 * A 2xx answer to a read that is not JSON at all (an HTML login page, a body cut off mid-way).
 * A JSON answer is never this error, whatever its shape: differences are drift (find-drift.ts).
 * Keeps the body as text: never dropped.
 */
export class KlinkResponseShapeError extends Error {
  readonly name = "KlinkResponseShapeError";
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`K-LINK ${endpoint} answered ${status} with a body that is not JSON`);
  }
}
