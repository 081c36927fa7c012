// Work shared by several console instances through the database, without a queue server: a row
// with `status`, `attempts`, `nextAttemptAt` and `lockedUntil` belongs to the instance that set its
// lease with one conditional UPDATE (count 1: claimed; 0: another instance was first). A lease
// that runs out (the instance died) makes the row claimable again, so work is never lost and a
// row is never worked on by two instances at once. Inbound webhook processing
// (lib/webhooks/process-deliveries.ts) and outbound forwarding (lib/forwarding/dispatcher.ts)
// both claim this way; each passes these clauses to its own table.

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
