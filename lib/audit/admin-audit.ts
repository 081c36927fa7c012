import "server-only";
// The audit log as admins read it: the data layer re-checks the role, whoever called.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { PageQuery } from "../http/pagination";
import { auditCsvStream } from "./audit-csv";
import { listAudit, type AuditFilter } from "./list-audit";

export async function listAuditForAdmin(actor: Actor, filter: AuditFilter, page: Partial<PageQuery> = {}) {
  assertRole(actor, "admin");
  return listAudit(filter, page);
}

export function exportAuditCsvForAdmin(actor: Actor, filter: AuditFilter): ReadableStream<Uint8Array> {
  assertRole(actor, "admin");
  return auditCsvStream(filter);
}
