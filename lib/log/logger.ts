import "server-only";
// Structured logging. Every line written while a request is handled carries its request id.
// Secrets are redacted by key wherever they appear in a logged object (redact-known-keys.ts).
import pino from "pino";
import { redactKnownKeys } from "./redact-known-keys";
import { currentRequestContext } from "./request-context";

export { REDACTED_KEYS } from "./redact-known-keys";

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
  const logger = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { app: "klink-console" },
      formatters: { log: redactKnownKeys },
      serializers: { err: serializeError },
      mixin() {
        const ctx = currentRequestContext();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    options.destination,
  );
  // A child's bindings are written on each of its lines: redacted once, when it is made. Not
  // bound, so that a child's own children (which inherit this method) are made from themselves.
  const makeChild = logger.child;
  logger.child = function child(this: typeof logger, bindings, childOptions) {
    return makeChild.call(this, redactKnownKeys(bindings), childOptions);
  } as typeof logger.child;
  return logger;
}

export const logger = createLogger();
