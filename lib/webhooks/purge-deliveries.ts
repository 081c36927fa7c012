import "server-only";
// Retention: deliveries older than WEBHOOK_RETENTION_DAYS are deleted, in chunks so a large
// backlog never holds the database's write lock for long.
import type { Db } from "../db/client";

const CHUNK = 1000;

export async function purgeDeliveries(database: Db, retentionDays: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const ids = (
      await database.webhookDelivery.findMany({
        where: { receivedAt: { lt: cutoff } },
        select: { id: true },
        take: CHUNK,
      })
    ).map((r) => r.id);
    if (ids.length === 0) return deleted;
    deleted += (await database.webhookDelivery.deleteMany({ where: { id: { in: ids } } })).count;
  }
}
