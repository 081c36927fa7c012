// A bad configuration stops the server at start-up with a one-line reason.
import { env, EnvError } from "./lib/env";
import { scheduleAuditPurge } from "./lib/audit/audit-purge-schedule";

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`klink-console: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

// Retention jobs of the server process.
scheduleAuditPurge();
