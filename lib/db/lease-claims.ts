// Work shared by several console instances through the database, without a queue server: a row
// with `status`, `attempts`, `nextAttemptAt` and `lockedUntil` belongs to the instance that set its
// lease with a conditional UPDATE. A lease that runs out (the instance died) makes the row
// claimable again, so work is never lost and a row is never worked on by two instances at once.
// Inbound webhook processing (lib/webhooks/process-deliveries.ts) and outbound forwarding
// (lib/forwarding/dispatcher.ts) both claim this way, each on its own table, with claimRows.

/** The statuses of a row that may still be claimed. */
export const CLAIMABLE_STATUSES = ["pending", "processing"];

/** Rows that are pending (or whose lease ran out) and due at `at`. */
export function claimableWhere(at: Date) {
  return {
    status: { in: CLAIMABLE_STATUSES },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }],
    AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: at } }] }],
  };
}

/** Rows whose lease ran out or was never set, whatever their status (a replay). */
export function unleasedWhere(at: Date) {
  return { OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] };
}

/** The update that claims a row until `lease`, counting the attempt. */
export function claimData(lease: Date) {
  return { status: "processing", lockedUntil: lease, nextAttemptAt: null, attempts: { increment: 1 } };
}

/** The one call claiming needs of a table's Prisma model (`db.webhookDelivery.updateManyAndReturn`, …). */
export type ClaimStatement = (args: {
  where: { id: { in: string[] } } & Record<string, unknown>;
  data: ReturnType<typeof claimData>;
  select: { id: true };
}) => PromiseLike<{ id: string }[]>;

/**
 * Claims those of `ids` that `where` (claimableWhere, unleasedWhere) still matches, until `lease`,
 * in ONE conditional UPDATE … RETURNING: a batch costs one statement and one commit, not one per
 * row. The ids returned are the rows this statement changed, so they are the caller's alone; a
 * row another instance claimed first is not among them. On PostgreSQL a row another instance is
 * claiming at the same moment is re-checked against `where` once that instance commits (READ
 * COMMITTED), and so skipped; on SQLite writers take turns. The lease value need not be unique:
 * nothing is read back by it.
 */
export async function claimRows(
  update: ClaimStatement,
  ids: string[],
  where: Record<string, unknown>,
  lease: Date,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await update({ where: { id: { in: ids }, ...where }, data: claimData(lease), select: { id: true } });
  return new Set(claimed.map((row) => row.id));
}

/**
 * claimRows for rows already read: those of `candidates` this statement claimed, as they will be
 * once claimed (one attempt more, holding `lease`), in the order they were given.
 */
export async function claimCandidates<T extends { id: string; attempts: number }>(
  update: ClaimStatement,
  candidates: T[],
  where: Record<string, unknown>,
  lease: Date,
): Promise<(T & { lease: Date })[]> {
  const mine = await claimRows(
    update,
    candidates.map((c) => c.id),
    where,
    lease,
  );
  return candidates.filter((c) => mine.has(c.id)).map((c) => ({ ...c, attempts: c.attempts + 1, lease }));
}
