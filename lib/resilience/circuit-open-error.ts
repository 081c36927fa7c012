/** The circuit of a connection is open: K-LINK is not called until `retryAfterSeconds` have passed. */
export class CircuitOpenError extends Error {
  readonly name = "CircuitOpenError";
  constructor(
    readonly connectionId: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`K-LINK calls for this connection are paused for ${retryAfterSeconds} s after repeated failures`);
  }
}
