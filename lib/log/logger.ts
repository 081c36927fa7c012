import "server-only";
// Structured logging. Every line written while a request is handled carries its request id.
// Secrets are redacted by key wherever they appear in a logged object.
import pino from "pino";
import { currentRequestContext } from "./request-context";

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

const redactPaths = REDACTED_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const dot = key.startsWith("[") ? key : `.${key}`;
  return [key, `*${dot}`, `*.*${dot}`, `*.*.*${dot}`];
});

const MAX_ERROR_MESSAGE = 500;

/** How an error appears in a log line: its type, code and first line of message, never its stack
 * (a stack trace says more about the code than an operator needs, and a sender can trigger some). */
export function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: (value.message.split("\n")[0] ?? "").slice(0, MAX_ERROR_MESSAGE),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
  };
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { app: "klink-console" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: { err: serializeError },
      mixin() {
        const ctx = currentRequestContext();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    options.destination,
  );
}

export const logger = createLogger();
