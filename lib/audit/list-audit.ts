import "server-only";
// Reads the audit log with filters and cursor pagination, newest first.
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";
import { pageArgs, toPage, withinLimit, type PageQuery } from "../http/pagination";
import { equalTo, timeRange } from "../http/list-filter";

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  connection?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
};

/** At most this many records a page: the CSV export reads the log in pages this size. */
export const MAX_AUDIT_PAGE = 500;

export async function listAudit(filter: AuditFilter, page: Partial<PageQuery> = {}, database: Db = defaultDb()) {
  const bounded = withinLimit(page, MAX_AUDIT_PAGE);
  const rows = await database.auditLog.findMany({
    where: {
      // A user (id or e-mail address) or one of their API keys (its id: what a script acted with).
      ...(filter.actor
        ? { OR: [{ actorId: filter.actor }, { actorEmail: filter.actor }, { apiKeyId: filter.actor }] }
        : {}),
      ...equalTo({
        action: filter.action,
        targetId: filter.target,
        connectionId: filter.connection,
        outcome: filter.outcome,
      }),
      createdAt: timeRange(filter.from, filter.to),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(bounded),
  });
  return toPage(rows, bounded);
}
