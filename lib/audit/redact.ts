// Masks secrets in anything written to the audit log (request bodies, before/after snapshots).
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|signature|headerValue|credential/i;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && v !== null && v !== undefined && v !== "" ? maskSecret(v) : redactSecrets(v, depth + 1),
      ]),
    );
  }
  return value;
}

/** "kpt_…abcd" for strings long enough to keep a recognisable tail, "[redacted]" otherwise. */
export function maskSecret(value: unknown): string {
  if (typeof value !== "string" || value.length < 12) return "[redacted]";
  const prefix = /^[a-z]{2,4}_/.exec(value)?.[0] ?? "";
  return `${prefix}…${value.slice(-4)}`;
}
