import "server-only";
// Rate limits for the whole console, over rate-limiter-flexible. The store is chosen like the
// cache: Redis when REDIS_URL is set (the process's shared connection, lib/redis, so a limit holds
// across every instance), the process's memory otherwise. If Redis fails, the limit is kept in
// memory for that moment (the library's insurance limiter) rather than opened or closed for
// everyone.
//
//   const limiter = rateLimiter({ name: "login_address", points: 20, durationSeconds: 60 });
//   const decision = await limiter.consume(address);
//   if (!decision.allowed) → 429 with Retry-After: decision.retryAfterSeconds
//
// A limiter is a description (name + limit); the counters live in the store, one set per
// process (memory) or per deployment (Redis), whichever route bundle of Next.js asks.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "../log/logger";
import { metrics } from "../metrics/registry";
import { processGlobal } from "../process-global";
import { sharedRedis } from "../redis/shared-redis";

export type RateLimit = {
  /** Names the counters (store key prefix, metric label): lower-case letters, digits, underscores. */
  name: string;
  /** How many points a key may spend per window. */
  points: number;
  durationSeconds: number;
  /** Once over the limit, the key stays refused this long (default: until the window ends). */
  blockSeconds?: number;
};

export type RateLimitDecision =
  | { allowed: true; remaining: number; consumed: number }
  | { allowed: false; retryAfterSeconds: number; consumed: number };

export interface RateLimiter {
  readonly limit: RateLimit;
  /** Spends points for the key; refused when the key has spent its points in this window. */
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Points the key has spent in the current window (0 when none). */
  consumed(key: string): Promise<number>;
  /** Forgets the key's counter (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

/** Where the counters live: this process's memory, or Redis under a key prefix. */
export type RateLimitStore = { kind: "memory" } | { kind: "redis"; client: Redis; keyPrefix: string };

const NAME_PATTERN = /^[a-z0-9_]{1,40}$/;
const DEFAULT_PREFIX = "klink-console:rl:";

type ProcessState = {
  /** Set by tests; otherwise the store follows REDIS_URL. */
  override?: RateLimitStore;
  memory: RateLimitStore;
  /** One library limiter per store and limit, shared by every bundle of the process. */
  limiters: WeakMap<object, Map<string, RateLimiterAbstract>>;
  redisStores: WeakMap<Redis, RateLimitStore>;
};

const processState = processGlobal<ProcessState>("rate-limiters");

function state(): ProcessState {
  return processState.init(() => ({ memory: { kind: "memory" }, limiters: new WeakMap(), redisStores: new WeakMap() }));
}

/** Replaces the store (tests): a fresh memory store, or Redis with a key prefix; undefined restores the default. */
export function setRateLimitStore(store: RateLimitStore | undefined): void {
  state().override = store;
}

function currentStore(): RateLimitStore {
  const s = state();
  if (s.override) return s.override;
  const redis = sharedRedis();
  if (!redis) return s.memory;
  let store = s.redisStores.get(redis);
  if (!store) {
    store = { kind: "redis", client: redis, keyPrefix: DEFAULT_PREFIX };
    s.redisStores.set(redis, store);
  }
  return store;
}

function signature(limit: RateLimit): string {
  return `${limit.name}:${limit.points}:${limit.durationSeconds}:${limit.blockSeconds ?? 0}`;
}

function limiterFor(store: RateLimitStore, limit: RateLimit, key: string): RateLimiterAbstract {
  const { limiters } = state();
  let byLimit = limiters.get(store);
  if (!byLimit) {
    byLimit = new Map();
    limiters.set(store, byLimit);
  }
  let limiter = byLimit.get(key);
  if (!limiter) {
    const options = { points: limit.points, duration: limit.durationSeconds, blockDuration: limit.blockSeconds ?? 0 };
    const memory = new RateLimiterMemory({ ...options, keyPrefix: `rl:${limit.name}` });
    limiter =
      store.kind === "redis"
        ? new RateLimiterRedis({
            ...options,
            storeClient: store.client,
            keyPrefix: `${store.keyPrefix}${limit.name}`,
            // Redis away or slow: count in this process's memory instead of failing the request.
            insuranceLimiter: memory,
          })
        : memory;
    byLimit.set(key, limiter);
  }
  return limiter;
}

function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** A rate limit; cheap to create, the counters live in the shared store. */
export function rateLimiter(limit: RateLimit): RateLimiter {
  if (!NAME_PATTERN.test(limit.name)) throw new Error(`rate limit name must match ${NAME_PATTERN}: ${limit.name}`);
  if (!(limit.points > 0 && limit.durationSeconds > 0))
    throw new Error(`rate limit ${limit.name}: points and duration must be positive`);
  const key = signature(limit);
  const store = () => limiterFor(currentStore(), limit, key);
  return {
    limit,
    async consume(key, points = 1) {
      try {
        const res = await store().consume(key, points);
        return { allowed: true, remaining: res.remainingPoints, consumed: res.consumedPoints };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          metrics().rateLimited.inc({ limiter: limit.name });
          return { allowed: false, retryAfterSeconds: retryAfterSeconds(error), consumed: error.consumedPoints };
        }
        // Both the store and its insurance failed: let the request through, say so once per call.
        logger.warn({ limiter: limit.name, err: error }, "rate limiter store failed; request allowed");
        return { allowed: true, remaining: 0, consumed: 0 };
      }
    },
    async consumed(key) {
      try {
        const res = await store().get(key);
        return res?.consumedPoints ?? 0;
      } catch {
        return 0;
      }
    },
    async reset(key) {
      await store()
        .delete(key)
        .catch((error: unknown) => logger.warn({ limiter: limit.name, err: error }, "rate limiter reset failed"));
    },
  };
}

/** The Retry-After header value for a refused decision. */
export function retryAfterHeader(decision: { retryAfterSeconds: number }): Record<string, string> {
  return { "Retry-After": String(decision.retryAfterSeconds) };
}
