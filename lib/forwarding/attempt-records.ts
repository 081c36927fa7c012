import "server-only";
// Records the outcomes of attempts: the attempt rows, each message's new state and whether its
// destination is failing, for a whole group of finished sends in ONE transaction of raw SQL.
// This is the forwarding hot path: written with Prisma's models it was three queries per send
// (each ~0.4 ms in Prisma's query compiler, the most of the console's CPU at a few hundred sends a
// second, see docs/benchmarks.md); here a group costs one transaction of ~0.1 ms statements.
// A message's row is only updated while it still carries the lease of the instance that sent it.
// DateTime values follow sqlTime (Prisma's own text on SQLite, so its comparisons keep working).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import type { DatabaseProvider } from "../db/provider";
import { sqlTime } from "../db/sql-time";
import { timeOrderedId } from "../db/time-ordered-id";

export type AttemptRecord = {
  messageId: string;
  /** The lease the attempt was made under. */
  lease: Date;
  destinationId: string;
  /** When the request started. */
  at: Date;
  /** The receiver's status; null without an answer. */
  status: number | null;
  latencyMs: number;
  error: string | null;
  /** The first bytes of the answer. */
  response: string | null;
  /** When the outcome was known. */
  finished: Date;
  /** What the message becomes. */
  next: { status: "delivered" } | { status: "failed" } | { status: "pending"; nextAttemptAt: Date };
};

/** Writes a group of outcomes, in the order they came, in one transaction. */
export async function writeAttemptRecords(db: Db, provider: DatabaseProvider, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const t = (d: Date) => sqlTime(provider, d);
  const statements = [
    db.$executeRaw`INSERT INTO "ForwardAttempt" ("id", "messageId", "at", "status", "latencyMs", "error", "response")
      VALUES ${Prisma.join(
        records.map(
          (r) =>
            Prisma.sql`(${timeOrderedId("c")}, ${r.messageId}, ${t(r.at)}, ${r.status}, ${r.latencyMs}, ${r.error}, ${r.response})`,
        ),
      )}`,
  ];
  // Delivered messages (the common case) take one UPDATE per answer status, each row matched by
  // its id and its lease. Their deliveredAt is the latest finish in the group: they finished
  // within the same few milliseconds, while the write before this one was under way.
  const delivered = records.filter((r) => r.next.status === "delivered");
  for (const status of new Set(delivered.map((r) => r.status))) {
    const these = delivered.filter((r) => r.status === status);
    const at = new Date(Math.max(...these.map((r) => r.finished.getTime())));
    const mine = Prisma.join(
      these.map((r) => Prisma.sql`("id" = ${r.messageId} AND "lockedUntil" = ${t(r.lease)})`),
      " OR ",
    );
    statements.push(db.$executeRaw`UPDATE "ForwardMessage"
      SET "status" = 'delivered', "deliveredAt" = ${t(at)}, "lockedUntil" = NULL, "lastStatus" = ${status}, "lastError" = NULL
      WHERE ${mine}`);
  }
  for (const r of records) {
    if (r.next.status === "delivered") continue;
    const set =
      r.next.status === "failed"
        ? Prisma.sql`"status" = 'failed', "lastError" = ${r.error}`
        : Prisma.sql`"status" = 'pending', "lastError" = ${r.error}, "nextAttemptAt" = ${t(r.next.nextAttemptAt)}`;
    statements.push(db.$executeRaw`UPDATE "ForwardMessage" SET ${set}, "lockedUntil" = NULL, "lastStatus" = ${r.status}
      WHERE "id" = ${r.messageId} AND "lockedUntil" = ${t(r.lease)}`);
  }
  // A destination is failing since its first failure after its last success (failingSince,
  // which disables it after FORWARD_DISABLE_AFTER_MS): per destination, only the group's last
  // success and the first failure after it matter.
  const destinations = [...new Set(records.map((r) => r.destinationId))];
  for (const id of destinations) {
    const mine = records.filter((r) => r.destinationId === id);
    const lastSuccess = mine.findLastIndex((r) => r.next.status === "delivered");
    // A 410 disables the destination at once (the dispatcher); it does not start a failing spell.
    const failedAfter = mine.slice(lastSuccess + 1).find((r) => r.next.status !== "delivered" && r.status !== 410);
    if (lastSuccess >= 0) {
      statements.push(
        db.$executeRaw`UPDATE "ForwardDestination" SET "failingSince" = NULL WHERE "id" = ${id} AND "failingSince" IS NOT NULL`,
      );
    }
    if (failedAfter) {
      statements.push(
        db.$executeRaw`UPDATE "ForwardDestination" SET "failingSince" = ${t(failedAfter.finished)} WHERE "id" = ${id} AND "failingSince" IS NULL`,
      );
    }
  }
  await db.$transaction(statements);
}
