import "server-only";
// Reads the audit log with filters and cursor pagination, newest first.
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  connection?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
};

export async function listAudit(
  filter: AuditFilter,
  page: { cursor?: string; limit?: number } = {},
  database: Db = defaultDb(),
) {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  const rows = await database.auditLog.findMany({
    where: {
      // A user (id or e-mail address) or one of their API keys (its id: what a script acted with).
      ...(filter.actor
        ? { OR: [{ actorId: filter.actor }, { actorEmail: filter.actor }, { apiKeyId: filter.actor }] }
        : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.target ? { targetId: filter.target } : {}),
      ...(filter.connection ? { connectionId: filter.connection } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.from || filter.to
        ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? data[data.length - 1].id : null };
}
