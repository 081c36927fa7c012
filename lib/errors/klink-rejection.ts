// K-LINK's own answer to a bad request (a 4xx the console passes through unchanged), as pages and
// the browser show it. K-LINK documents no error body; the simulator, like most APIs, answers
// `{status, message, data}`, so its message is shown when there is one.
export type KlinkRejection = {
  code: "not_found" | "upstream_rejected";
  /** "K-LINK answered 400: …", or null when the body carries no message. */
  message: string | null;
};

export function klinkRejection(status: number, body: unknown, maxMessageLength = Infinity): KlinkRejection {
  const text = body && typeof body === "object" ? (body as { message?: unknown }).message : undefined;
  const message = typeof text === "string" && text ? text.slice(0, maxMessageLength) : "";
  return {
    code: status === 404 ? "not_found" : "upstream_rejected",
    message: message ? `K-LINK answered ${status}: ${message}` : null,
  };
}
