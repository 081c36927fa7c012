// The secrets of a log line, found by key in one pass: the value of every key named here, at any
// depth up to MAX_DEPTH (pino's own wildcard redaction covered four levels), in objects and
// arrays, becomes "[redacted]". The object logged is never changed: the parts of it that hold a
// secret are copied, and an object without one is returned as it is (no copy, the common case).
// pino's `redact` option did the same with wildcard paths, measured at 3.5 % of the server's CPU
// per request (docs/benchmarks.md): it compiles a path walker per wildcard level and key and, per
// line, walks every one of them and restores the object afterwards.
export const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "token",
  "apiToken",
  "secret",
  "previousSecret",
  "headerValue",
  "authorization",
  "cookie",
  "set-cookie",
  "x-signature",
  "key",
  "keyHash",
  "tokenCiphertext",
  "webhookCiphertext",
  "NEXTAUTH_SECRET",
  "APP_ENCRYPTION_KEY",
  "APP_ENCRYPTION_KEY_PREVIOUS",
  "OIDC_CLIENT_SECRET",
  "ADMIN_PASSWORD",
  "METRICS_TOKEN",
];

export const CENSOR = "[redacted]";
const MAX_DEPTH = 8;
const redacted = new Set(REDACTED_KEYS);

export function redactKnownKeys<T>(value: T): T {
  return redact(value, 0) as T;
}

function redact(value: unknown, depth: number): unknown {
  // An Error is written by the err serializer (type, code, first line of message) and nothing else.
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH || value instanceof Error) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = redact(value[i], depth + 1);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const safe = redacted.has(key) ? (item === undefined ? item : CENSOR) : redact(item, depth + 1);
    if (safe !== item) (copy ??= { ...record })[key] = safe;
  }
  return copy ?? value;
}
