import "server-only";
// Brute-force protection for password sign-in, kept in the database so it holds across
// instances and restarts. Attempts are counted per account and per client address within a
// window BEFORE the password is verified (one atomic increment each), so parallel guesses cannot
// all pass a check made before the first failure is recorded: every one counts. Past the limit
// the key is locked, each further failure doubling the lock; a locked attempt is refused without
// verifying anything. A successful sign-in clears the account's count.
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

/** One counted attempt: how many the key has in its window (this one included) and its lock. */
export type CountedAttempt = { kind: ThrottleKind; key: string; failures: number; lockedForSeconds: number };

/** Counts an attempt for the key before its password is verified; returns its count and any lock in force. */
export async function countLoginAttempt(kind: ThrottleKind, key: string, now = new Date()): Promise<CountedAttempt> {
  const policy: Policy = THROTTLE_POLICY[kind];
  // A window that is over starts again; only one of several concurrent attempts can reset it
  // (the condition no longer holds after the first), and the increment below is atomic.
  await db().loginThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - policy.windowMs) } },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const row = await incrementFailures(key, now);
  const lockedUntil = row.lockedUntil?.getTime() ?? 0;
  return {
    kind,
    key,
    failures: row.failures,
    lockedForSeconds: lockedUntil > now.getTime() ? Math.ceil((lockedUntil - now.getTime()) / 1000) : 0,
  };
}

/** The attempt's password was wrong: locks the key when its count has reached the limit; returns the lock's seconds (0 if none). */
export async function lockAfterFailure(attempt: CountedAttempt, now = new Date()): Promise<number> {
  const policy: Policy = THROTTLE_POLICY[attempt.kind];
  if (attempt.failures < policy.maxFailures) return 0;
  const lockMs = Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (attempt.failures - policy.maxFailures));
  const until = new Date(now.getTime() + lockMs);
  // Never shortens a longer lock set meanwhile by a concurrent attempt.
  await db().loginThrottle.updateMany({
    where: { key: attempt.key, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] },
    data: { lockedUntil: until },
  });
  return Math.ceil(lockMs / 1000);
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

/** Takes back one counted attempt (it was a successful sign-in, not a failure). */
export async function forgiveLoginAttempt(key: string): Promise<void> {
  await db().loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
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
    // Two first attempts at once: one insert loses the race; the row exists now.
    return upsert();
  }
}
