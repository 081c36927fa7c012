import "server-only";
// Read-through caching of K-LINK reads, the way HTTP caches do it:
//   fresh (age < TTL)                          → HIT
//   within stale-while-revalidate after TTL    → STALE, and one background refresh
//   older, or absent                           → load (MISS); concurrent misses share ONE load
//   load fails with an upstream fault and the entry is within stale-if-error after TTL → STALE
//   bypass (an admin's cache-control: no-cache) → load and store (BYPASS)
// A cache backend failure never fails the request: it is logged, counted, and K-LINK is asked.
import type { Cache, CacheEntry, CachePolicy } from "./cache";
import { isUpstreamFault } from "../resilience/upstream-fault";
import { logger } from "../log/logger";
import { metrics } from "../metrics/registry";

export type CacheState = "HIT" | "MISS" | "STALE" | "BYPASS";

export type ReadThroughOptions<T> = {
  cache: Cache;
  key: string;
  connectionId: string;
  /** Unscoped tags of the entry (lib/klink/cache-tags.ts). */
  tags: readonly string[];
  policy: CachePolicy;
  load: () => Promise<T>;
  bypass?: boolean;
  /** Load failures that may be answered from a stale entry. Default: isUpstreamFault. */
  serveStaleOn?: (error: unknown) => boolean;
  /**
   * How long another process's load is waited for (and how long the loader lock lives). Should
   * cover one K-LINK call with its retries; after it the waiter loads by itself.
   */
  lockTtlMs?: number;
  /** Clock in epoch ms (tests move it to age entries without sleeping). */
  now?: () => number;
};

export type ReadThroughResult<T> = {
  value: T;
  state: CacheState;
  ageSeconds: number;
  /** Why a STALE entry was served: its refresh is under way, or K-LINK failed just now. */
  staleReason?: "revalidating" | "upstream_error";
};

const DEFAULT_LOCK_TTL_MS = 15_000;
const MAX_POLL_INTERVAL_MS = 100;

type Flight = { promise: Promise<CacheEntry>; invalidationCount: number };

// Loads in flight per cache instance and key: the in-process half of the coalescing.
const flightsByCache = new WeakMap<Cache, Map<string, Flight>>();

export async function readThrough<T>(options: ReadThroughOptions<T>): Promise<ReadThroughResult<T>> {
  const now = options.now ?? Date.now;
  if (options.bypass) {
    const entry = await loadAndStore(options, now);
    return { value: entry.value as T, state: "BYPASS", ageSeconds: 0 };
  }

  const cached = await safely("get", () => options.cache.get<T>(options.key));
  if (cached) {
    const ageMs = now() - cached.storedAt;
    const { ttlSeconds, staleWhileRevalidateSeconds } = cached.policy;
    if (ageMs < ttlSeconds * 1000) return { value: cached.value, state: "HIT", ageSeconds: seconds(ageMs) };
    if (ageMs < (ttlSeconds + staleWhileRevalidateSeconds) * 1000) {
      coalescedLoad(options, now, cached.storedAt).catch((error: unknown) =>
        logger.warn({ err: error }, "background cache refresh failed"),
      );
      return { value: cached.value, state: "STALE", ageSeconds: seconds(ageMs), staleReason: "revalidating" };
    }
  }

  try {
    const entry = await coalescedLoad(options, now, cached?.storedAt);
    return { value: entry.value as T, state: "MISS", ageSeconds: seconds(now() - entry.storedAt) };
  } catch (error) {
    const serveStale = options.serveStaleOn ?? isUpstreamFault;
    if (cached && serveStale(error)) {
      const ageMs = now() - cached.storedAt;
      if (ageMs < (cached.policy.ttlSeconds + cached.policy.staleIfErrorSeconds) * 1000) {
        return { value: cached.value, state: "STALE", ageSeconds: seconds(ageMs), staleReason: "upstream_error" };
      }
    }
    throw error;
  }
}

/**
 * Joins the load of this key already running in this process, or starts one. `seenStoredAt` is
 * when the entry this read found (if any) was stored: any newer entry is as good as a new load.
 */
function coalescedLoad<T>(
  options: ReadThroughOptions<T>,
  now: () => number,
  seenStoredAt: number | undefined,
): Promise<CacheEntry> {
  let flights = flightsByCache.get(options.cache);
  if (!flights) flightsByCache.set(options.cache, (flights = new Map()));
  const running = flights.get(options.key);
  // A load that started before a write of this process may return pre-write data: not joined.
  if (running && running.invalidationCount === options.cache.invalidationCount) return running.promise;
  const promise: Promise<CacheEntry> = loadOncePerCluster(options, now, seenStoredAt).finally(() => {
    if (flights.get(options.key)?.promise === promise) flights.delete(options.key);
  });
  flights.set(options.key, { promise, invalidationCount: options.cache.invalidationCount });
  return promise;
}

/**
 * Across processes (Redis): the process that takes the key's lock loads, unless the entry was
 * renewed meanwhile; the others poll for its entry, take over when the lock is released without
 * one, and load by themselves once the bounded wait is over.
 */
async function loadOncePerCluster<T>(
  options: ReadThroughOptions<T>,
  now: () => number,
  seenStoredAt: number | undefined,
): Promise<CacheEntry> {
  const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const deadline = Date.now() + lockTtlMs;
  const renewed = async () => {
    const entry = await safely("get", () => options.cache.get(options.key));
    return entry && (seenStoredAt === undefined || entry.storedAt > seenStoredAt) ? entry : undefined;
  };
  let pauseMs = 5;
  for (;;) {
    const lock = await safely("lock", () => options.cache.tryLock(options.key, lockTtlMs), "unavailable" as const);
    if (lock === "unavailable") return loadAndStore(options, now);
    if (lock) {
      try {
        return (await renewed()) ?? (await loadAndStore(options, now));
      } finally {
        await safely("unlock", lock);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    pauseMs = Math.min(pauseMs * 2, MAX_POLL_INTERVAL_MS);
    const entry = await renewed();
    if (entry) return entry;
    if (Date.now() >= deadline) return loadAndStore(options, now);
  }
}

async function loadAndStore<T>(options: ReadThroughOptions<T>, now: () => number): Promise<CacheEntry<T>> {
  // Taken before K-LINK is called, so that a write landing during the call prevents the store.
  const snapshot = await safely("snapshot", () => options.cache.snapshotTags(options.connectionId, options.tags));
  const value = await options.load();
  const entry: CacheEntry<T> = { value, storedAt: now(), policy: options.policy };
  if (snapshot) {
    await safely("set", () =>
      options.cache.set(options.key, entry, {
        connectionId: options.connectionId,
        tags: options.tags,
        unlessInvalidatedSince: snapshot,
      }),
    );
  }
  return entry;
}

async function safely<R, F = undefined>(operation: string, fn: () => Promise<R>, fallback?: F): Promise<R | F> {
  try {
    return await fn();
  } catch (error) {
    metrics().cacheErrors.inc({ operation });
    logger.warn({ cacheOperation: operation, err: error }, "cache operation failed; continuing without the cache");
    return fallback as F;
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}
