import "server-only";
// Brute-force protection for password sign-in, kept in the database so it holds across
// instances and restarts. Failures are counted per account and per client address within a
// window; past the limit the key is locked, each further failure doubling the lock.
import { db } from "../db/client";

type Policy = { maxFailures: number; windowMs: number; firstLockMs: number; maxLockMs: number };

const MINUTE = 60_000;

export const THROTTLE_POLICY = {
  // Five wrong passwords lock an account for 30 s, then 60 s, 120 s ... up to 15 minutes.
  account: { maxFailures: 5, windowMs: 15 * MINUTE, firstLockMs: 30_000, maxLockMs: 15 * MINUTE },
  // One address may try many accounts (an office behind one NAT), but not endlessly.
  ip: { maxFailures: 20, windowMs: 15 * MINUTE, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE },
} satisfies Record<string, Policy>;

export type ThrottleKind = keyof typeof THROTTLE_POLICY;

export function throttleKey(kind: ThrottleKind, value: string | null): string {
  return `${kind}:${(value ?? "unknown").toLowerCase()}`;
}

/** Seconds until the longest lock among `keys` ends; 0 when none is locked. */
export async function lockedForSeconds(keys: string[], now = new Date()): Promise<number> {
  const rows = await db().loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure; returns the seconds of the lock it caused (0 if none). */
export async function recordLoginFailure(kind: ThrottleKind, key: string, now = new Date()): Promise<number> {
  const policy: Policy = THROTTLE_POLICY[kind];
  let row = await incrementFailures(key, now);
  if (now.getTime() - row.windowStart.getTime() > policy.windowMs) {
    row = await db().loginThrottle.update({
      where: { key },
      data: { failures: 1, windowStart: now, lockedUntil: null },
    });
  }
  if (row.failures < policy.maxFailures) return 0;
  const lockMs = Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (row.failures - policy.maxFailures));
  await db().loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
  return Math.ceil(lockMs / 1000);
}

export async function clearLoginFailures(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}

async function incrementFailures(key: string, now: Date) {
  const upsert = () =>
    db().loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
    });
  try {
    return await upsert();
  } catch {
    // Two first failures at once: one insert loses the race; the row exists now.
    return upsert();
  }
}
