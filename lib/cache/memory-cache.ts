import "server-only";
// The default cache: a bounded LRU in this process's memory (lru-cache), with a tag index so a
// write can drop every entry it affects. Bounded by the approximate JSON size of the values.
import { LRUCache } from "lru-cache";
import {
  lifetimeMs,
  TAG_SET_MAX_KEYS,
  type Cache,
  type CacheEntry,
  type ReleaseLock,
  type SetOptions,
  type TagSnapshot,
} from "./cache";
import { deepFreeze } from "./deep-freeze";

type Stored = { entry: CacheEntry; scopedTags: readonly string[] };

// Tag versions only need to outlive the loads in flight; far more than enough tags are kept.
const TAG_VERSIONS_KEPT = 100_000;

export class MemoryCache implements Cache {
  readonly kind = "memory";
  private invalidations = 0;
  private readonly entries: LRUCache<string, Stored>;
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly tagVersions = new LRUCache<string, number>({ max: TAG_VERSIONS_KEPT });

  private readonly maxKeysPerTag: number;

  constructor(options: { maxSizeBytes: number; maxKeysPerTag?: number }) {
    this.maxKeysPerTag = options.maxKeysPerTag ?? TAG_SET_MAX_KEYS;
    this.entries = new LRUCache<string, Stored>({
      maxSize: options.maxSizeBytes,
      // Strings are counted twice: JS strings are UTF-16 and objects cost more than their JSON.
      sizeCalculation: (stored, key) => Math.max(1, (JSON.stringify(stored.entry.value)?.length ?? 1) * 2 + key.length),
      dispose: (stored, key) => this.unindex(key, stored.scopedTags),
    });
  }

  get invalidationCount(): number {
    return this.invalidations;
  }

  async get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return this.entries.get(key)?.entry as CacheEntry<T> | undefined;
  }

  async set<T>(key: string, entry: CacheEntry<T>, options: SetOptions): Promise<boolean> {
    const ttl = lifetimeMs(entry.policy);
    if (ttl <= 0) return false;
    if (
      options.unlessInvalidatedSince &&
      !sameSnapshot(options.unlessInvalidatedSince, await this.snapshotTags(options.connectionId, options.tags))
    ) {
      return false;
    }
    const scopedTags = options.tags.map((tag) => scopeTag(options.connectionId, tag));
    // Values are shared by every reader of this process; freezing makes an accidental mutation
    // fail loudly instead of silently changing what everyone else is served.
    const frozen: CacheEntry = { ...entry, value: deepFreeze(entry.value) };
    this.entries.set(key, { entry: frozen, scopedTags }, { ttl });
    if (!this.entries.has(key)) return false; // larger than the whole cache
    for (const tag of scopedTags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      if (!keys.has(key) && keys.size >= this.maxKeysPerTag) {
        // The oldest indexed first (a Set keeps insertion order); disposing unindexes them.
        const victims = [...keys].slice(0, keys.size - this.maxKeysPerTag + 1);
        for (const victim of victims) if (victim !== key) this.entries.delete(victim);
        for (const victim of victims) keys.delete(victim);
      }
      keys.add(key);
    }
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async snapshotTags(connectionId: string, tags: readonly string[]): Promise<TagSnapshot> {
    return tags.map((tag) => String(this.tagVersions.get(scopeTag(connectionId, tag)) ?? 0));
  }

  async invalidateTags(connectionId: string, tags: readonly string[]): Promise<number> {
    this.invalidations++;
    let removed = 0;
    for (const tag of tags) {
      const scoped = scopeTag(connectionId, tag);
      this.tagVersions.set(scoped, (this.tagVersions.get(scoped) ?? 0) + 1);
      for (const key of [...(this.keysByTag.get(scoped) ?? [])]) {
        if (this.entries.delete(key)) removed++;
      }
      this.keysByTag.delete(scoped);
    }
    return removed;
  }

  async tryLock(): Promise<ReleaseLock> {
    return async () => {};
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.keysByTag.clear();
  }

  private unindex(key: string, scopedTags: readonly string[]): void {
    for (const tag of scopedTags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}

function scopeTag(connectionId: string, tag: string): string {
  return `${connectionId}\u0000${tag}`;
}

function sameSnapshot(a: TagSnapshot, b: TagSnapshot): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
