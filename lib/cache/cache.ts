// The one cache interface. Two implementations: a bounded in-memory LRU (one process) and Redis
// (shared by every instance). Everything above this file (read-through, invalidation, the proxy)
// is written against this interface only.

/** How long an entry may be used, from the registry's per-endpoint cache policy. */
export type CachePolicy = {
  /** Fresh for this long after it was stored: served as HIT. */
  ttlSeconds: number;
  /** After the TTL, served as STALE for this long while one background refresh runs. */
  staleWhileRevalidateSeconds: number;
  /** After the TTL, served as STALE for this long when K-LINK fails (timeout, 5xx, 429, ...). */
  staleIfErrorSeconds: number;
};

export type CacheEntry<T = unknown> = {
  value: T;
  /** Epoch milliseconds when the value was loaded. */
  storedAt: number;
  policy: CachePolicy;
};

/**
 * The invalidation versions of a set of tags at one moment. A load takes one before it calls
 * K-LINK; the store is skipped when a tag was invalidated meanwhile, so a write that races a
 * read never leaves the pre-write data cached.
 */
export type TagSnapshot = readonly string[];

/** Releases a lock taken with `Cache.tryLock`. Safe to call once the lock has expired. */
export type ReleaseLock = () => Promise<void>;

export type SetOptions = {
  connectionId: string;
  /** Unscoped tags (see lib/klink/cache-tags.ts); the cache scopes them to the connection. */
  tags: readonly string[];
  /** Store only if none of `tags` was invalidated since this snapshot was taken. */
  unlessInvalidatedSince?: TagSnapshot;
};

export interface Cache {
  readonly kind: "memory" | "redis";
  /** Counts the invalidations this instance has performed; lets in-flight loads be recognised as older than a write. */
  readonly invalidationCount: number;
  get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined>;
  /** Returns false when the store was skipped because a tag was invalidated since the snapshot. */
  set<T>(key: string, entry: CacheEntry<T>, options: SetOptions): Promise<boolean>;
  delete(key: string): Promise<void>;
  snapshotTags(connectionId: string, tags: readonly string[]): Promise<TagSnapshot>;
  /** Removes every entry of the connection carrying any of the tags. Returns how many were removed. */
  invalidateTags(connectionId: string, tags: readonly string[]): Promise<number>;
  /**
   * A short exclusive lock so that only one process loads a key at a time. The memory cache
   * always grants it (one process: in-process coalescing already covers it).
   */
  tryLock(key: string, ttlMs: number): Promise<ReleaseLock | undefined>;
  close(): Promise<void>;
}

/**
 * The most entries one tag of one connection indexes (e.g. every cached page and filter of the
 * ticket list). Storing one more evicts the oldest (memory) or a random one (Redis) of that tag, so
 * no flood of distinct reads grows a tag set, or the entries it holds, without bound.
 */
export const TAG_SET_MAX_KEYS = 1000;

/** Whole milliseconds after storing during which an entry can still be used for anything. */
export function lifetimeMs(policy: CachePolicy): number {
  return Math.ceil(
    (policy.ttlSeconds + Math.max(policy.staleWhileRevalidateSeconds, policy.staleIfErrorSeconds)) * 1000,
  );
}
