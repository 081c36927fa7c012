// One line on stderr and a non-zero exit: how every script reports a configuration or start-up
// problem (no stack trace for the operator to wade through).
import { EnvError } from "../lib/env";

export function exitWithReason(error: unknown): never {
  const message = error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`klink-console: ${message.split("\n")[0]}`);
  process.exit(1);
}
