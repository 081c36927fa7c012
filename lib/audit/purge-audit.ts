import "server-only";
// Retention of the audit log: records older than AUDIT_RETENTION_DAYS are deleted, in batches
// so that a large first purge never holds a long write lock. The purge itself is audited.
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";
import { env } from "../env";
import { recordAudit } from "./record-audit";

const BATCH = 1_000;

export async function purgeAudit(options: { retentionDays?: number; now?: Date; database?: Db } = {}): Promise<number> {
  const database = options.database ?? defaultDb();
  const retentionDays = options.retentionDays ?? env().AUDIT_RETENTION_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionDays * 24 * 60 * 60 * 1000);
  let deleted = 0;
  for (;;) {
    const batch = await database.auditLog.findMany({
      where: { createdAt: { lt: cutoff } },
      select: { id: true },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const { count } = await database.auditLog.deleteMany({ where: { id: { in: batch.map((row) => row.id) } } });
    deleted += count;
    if (batch.length < BATCH) break;
  }
  if (deleted > 0) {
    await recordAudit(
      {
        action: "audit.purge",
        outcome: "success",
        actor: { type: "system" },
        details: { deleted, retentionDays, before: cutoff.toISOString() },
      },
      database,
    );
  }
  return deleted;
}
