// When a failed message is tried again, read like Svix's schedule: the first attempt at once,
// then about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure, each ±20 % so that
// a burst of failures does not come back as a burst. After the 8th failed attempt the message is
// failed (it can still be replayed).
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** The wait after `attemptsMade` failed attempts, or null when none is left. */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A `Retry-After` header (seconds or an HTTP date) as a wait in ms, or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime();
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
