import "server-only";
// The statements on the hot path of every delivery, as raw SQL: the insert that must commit
// before the answer, and the update that finishes a processed batch. Prisma's model queries go
// through its query compiler, which costs ~0.4 ms per query here, a third of the budget of a
// delivery at 500/s; these cost ~0.1 ms. Everything else uses the Prisma models.
// The SQL is the same on SQLite and PostgreSQL except for how values are typed: SQLite keeps
// DateTime as text in Prisma's own format and Json as text, PostgreSQL takes timestamps and
// jsonb.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import type { DatabaseProvider } from "../db/provider";
import { sqlTime } from "../db/sql-time";
import { timeOrderedId } from "../db/time-ordered-id";

export type NewDelivery = {
  connectionId: string;
  headers: Record<string, string>;
  verification: string;
  status: string;
  sourceIp: string | null;
  bodySize: number;
  eventType?: string | null;
  eventTimestamp?: string | null;
  rawBody?: string | null;
  dedupeKey?: string | null;
  dedupeSlot?: string | null;
  duplicateOfId?: string | null;
  lastError?: string | null;
  attempts?: number;
  lockedUntil?: Date | null;
  subjectId?: string | null;
  contactId?: string | null;
};

/**
 * Inserts deliveries in ONE statement (one commit, one fsync) and returns the ids of the rows
 * that went in. A row whose (connectionId, dedupeSlot) is taken — by an earlier delivery or by
 * another row of the same batch — is skipped, not an error: it is a duplicate.
 */
export async function insertDeliveries(
  database: Db,
  provider: DatabaseProvider,
  rows: { id: string; row: NewDelivery; receivedAt: Date }[],
): Promise<Set<string>> {
  const time = (d: Date | null | undefined) => (d ? sqlTime(provider, d) : null);
  const values = rows.map(({ id, row, receivedAt }) => {
    const headers = JSON.stringify(row.headers);
    const json = provider === "postgresql" ? Prisma.sql`${headers}::jsonb` : Prisma.sql`${headers}`;
    return Prisma.sql`(${id}, ${time(receivedAt)}, ${row.connectionId}, ${row.eventType ?? null}, ${row.eventTimestamp ?? null}, ${json},
       ${row.rawBody ?? null}, ${row.bodySize}, ${row.verification}, ${row.sourceIp}, ${row.dedupeKey ?? null},
       ${row.dedupeSlot ?? null}, ${row.duplicateOfId ?? null}, ${row.status}, ${row.attempts ?? 0}, ${time(row.lockedUntil)},
       ${row.lastError ?? null}, ${row.subjectId ?? null}, ${row.contactId ?? null})`;
  });
  const inserted = await database.$queryRaw<{ id: string }[]>`INSERT INTO "WebhookDelivery"
      ("id", "receivedAt", "connectionId", "eventType", "eventTimestamp", "headers", "rawBody", "bodySize", "verification",
       "sourceIp", "dedupeKey", "dedupeSlot", "duplicateOfId", "status", "attempts", "lockedUntil", "lastError", "subjectId", "contactId")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("connectionId", "dedupeSlot") DO NOTHING
      RETURNING "id"`;
  return new Set(inserted.map((r) => r.id));
}

/** Marks claimed rows processed, only while they still carry one of this instance's leases. */
export async function markProcessed(
  database: Db,
  provider: DatabaseProvider,
  ids: string[],
  leases: Date[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const leaseValues = [...new Set(leases.map((d) => d.getTime()))].map((ms) => sqlTime(provider, new Date(ms)));
  await database.$executeRaw`UPDATE "WebhookDelivery"
    SET "status" = 'processed', "processedAt" = ${sqlTime(provider, at)}, "lockedUntil" = NULL, "nextAttemptAt" = NULL, "lastError" = NULL
    WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'processing' AND "lockedUntil" IN (${Prisma.join(leaseValues)})`;
}

/** Shaped like Prisma's cuid(): ids sort by creation time, which the history's cursor relies on to break ties. */
export function newDeliveryId(): string {
  return timeOrderedId("c");
}
