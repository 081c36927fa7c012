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

// Lines go to stdout without blocking the request that wrote them: a synchronous write to a pipe
// (a process manager, a container runtime, `npm start | tee`) wakes the reader on every line and
// took more CPU than answering a cache miss did (docs/benchmarks.md, bench:proxy). Written in the
// background instead, lines written meanwhile go out together; pino flushes what is left when the
// process exits. A reader that stops reading cannot make the buffer grow past MAX_BUFFERED_BYTES:
// lines beyond it are dropped (and counted by sonic-boom's "drop" event) rather than held.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const stdout = () => pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_BYTES });

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
    options.destination ?? stdout(),
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
