import "server-only";
// Retries of one K-LINK call. Idempotent requests (GETs) are retried on transient faults
// (network errors, 502/503/504) with jittered exponential backoff, a bounded number of times.
// A 429 is waited out and retried once when its Retry-After is short, for any method: K-LINK
// refused the request before doing anything. Everything else is thrown at once.
import { KlinkHttpError } from "../klink/errors";
import { isTransient } from "./upstream-fault";

export type RetrySettings = {
  /** Retries after the first attempt, for transient faults of idempotent requests. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After (429, or 503 with one) waited out before retrying. */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxRetries: 2,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 2_000,
};

export type RetryOptions = {
  idempotent: boolean;
  settings?: RetrySettings;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const settings = options.settings ?? DEFAULT_RETRY_SETTINGS;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  let transientRetries = 0;
  let rateLimitRetried = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const retryAfterMs =
        error instanceof KlinkHttpError && error.retryAfterSeconds !== undefined
          ? error.retryAfterSeconds * 1000
          : undefined;
      if (error instanceof KlinkHttpError && error.status === 429) {
        if (rateLimitRetried || retryAfterMs === undefined || retryAfterMs > settings.maxRetryAfterMs) throw error;
        rateLimitRetried = true;
        await sleep(retryAfterMs);
        continue;
      }
      if (!options.idempotent || transientRetries >= settings.maxRetries || !isTransient(error)) throw error;
      const delayMs = Math.max(backoffDelayMs(transientRetries, settings, random), retryAfterMs ?? 0);
      if (delayMs > Math.max(settings.maxRetryAfterMs, settings.maxDelayMs)) throw error;
      transientRetries++;
      await sleep(delayMs);
    }
  }
}

/** "Equal jitter": half the exponential delay, plus a random part of the other half. */
export function backoffDelayMs(retry: number, settings: RetrySettings, random: () => number = Math.random): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
