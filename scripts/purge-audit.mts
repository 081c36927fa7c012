// npm run audit:purge — deletes audit records older than AUDIT_RETENTION_DAYS now (the server
// also does it every six hours). Prints how many were deleted.
import "./load-env-files";
import { parseEnv } from "../lib/env";
import { exitWithReason } from "./exit-with-reason";

try {
  const { AUDIT_RETENTION_DAYS } = parseEnv(process.env);
  const { purgeAudit } = await import("../lib/audit/purge-audit");
  const deleted = await purgeAudit({ retentionDays: AUDIT_RETENTION_DAYS });
  console.log(`klink-console: ${deleted} audit record(s) older than ${AUDIT_RETENTION_DAYS} days deleted`);
  // The database pool would keep the process alive.
  process.exit(0);
} catch (error) {
  exitWithReason(error);
}
