import "server-only";
// The shared cache: Redis (ioredis), used when REDIS_URL is set. Every instance of the console
// sees the same entries, invalidations and loader locks.
//
// Layout under the key prefix:
//   e:<cache key>                 the entry, JSON, expiring at the end of its last window
//   t:<connection id>:<tag>       a set of the entry keys carrying that tag
//   v:<connection id>:<tag>       the tag's invalidation version (see TagSnapshot)
//   l:<cache key>                 the loader lock
// Stores and invalidations are Lua scripts, so a store cannot interleave with an invalidation.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import {
  lifetimeMs,
  TAG_SET_MAX_KEYS,
  type Cache,
  type CacheEntry,
  type ReleaseLock,
  type SetOptions,
  type TagSnapshot,
} from "./cache";
import { openRedis } from "../redis/shared-redis";

const STORE_SCRIPT = `
local n = tonumber(ARGV[3])
if ARGV[4] == '1' then
  for i = 1, n do
    local version = redis.call('GET', KEYS[n + 1 + i]) or '0'
    if version ~= ARGV[4 + i] then return 0 end
  end
end
local ttl = tonumber(ARGV[2])
local maxKeys = tonumber(ARGV[4 + n + 1])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
for i = 1, n do
  if redis.call('SISMEMBER', KEYS[1 + i], KEYS[1]) == 0 then
    local over = redis.call('SCARD', KEYS[1 + i]) - maxKeys + 1
    if over > 0 then
      local victims = redis.call('SPOP', KEYS[1 + i], over)
      for j = 1, #victims, 500 do
        redis.call('DEL', unpack(victims, j, math.min(j + 499, #victims)))
      end
    end
  end
  redis.call('SADD', KEYS[1 + i], KEYS[1])
  if redis.call('PTTL', KEYS[1 + i]) < ttl then redis.call('PEXPIRE', KEYS[1 + i], ttl) end
end
return 1`;

const INVALIDATE_SCRIPT = `
local n = tonumber(ARGV[1])
local removed = 0
for i = 1, n do
  local members = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #members, 500 do
    removed = removed + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
  redis.call('INCR', KEYS[n + i])
  redis.call('PEXPIRE', KEYS[n + i], ARGV[2])
end
return removed`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// A version must outlive every load in flight; a day is far more than enough, and an expired
// version only makes a racing store be skipped, never a stale one kept.
const TAG_VERSION_TTL_MS = 24 * 60 * 60 * 1000;

type Scripts = {
  kcStore(...args: (string | number)[]): Promise<number>;
  kcInvalidate(...args: (string | number)[]): Promise<number>;
  kcRelease(key: string, token: string): Promise<number>;
};

export type RedisCacheOptions = {
  /** Opens a connection of its own (closed with the cache)... */
  url?: string;
  /** ...or uses this one (the process's shared connection; left open on close). */
  client?: Redis;
  /** Namespaces every key, e.g. one prefix per deployment or per test run. */
  keyPrefix?: string;
  /** A Redis command slower than this fails (and the caller falls back to K-LINK). */
  commandTimeoutMs?: number;
  /** The most entries one tag indexes (default TAG_SET_MAX_KEYS). */
  maxKeysPerTag?: number;
};

export class RedisCache implements Cache {
  readonly kind = "redis";
  readonly prefix: string;
  private invalidations = 0;
  private readonly redis: Redis & Scripts;
  private readonly ownsClient: boolean;
  private readonly maxKeysPerTag: number;

  constructor(options: RedisCacheOptions) {
    this.prefix = options.keyPrefix ?? "klink-console:";
    if (!options.client && !options.url) throw new Error("RedisCache needs a url or a client");
    this.ownsClient = !options.client;
    this.maxKeysPerTag = options.maxKeysPerTag ?? TAG_SET_MAX_KEYS;
    const redis =
      options.client ?? openRedis(options.url!, { commandTimeoutMs: options.commandTimeoutMs, name: "cache" });
    redis.defineCommand("kcStore", { lua: STORE_SCRIPT });
    redis.defineCommand("kcInvalidate", { lua: INVALIDATE_SCRIPT });
    redis.defineCommand("kcRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    this.redis = redis as Redis & Scripts;
  }

  /** The connection, shared with other infrastructure (the Redis rate-limiter store) so a process opens one. */
  get client(): Redis {
    return this.redis;
  }

  get invalidationCount(): number {
    return this.invalidations;
  }

  async get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    const json = await this.redis.get(this.entryKey(key));
    return json === null ? undefined : (JSON.parse(json) as CacheEntry<T>);
  }

  async set<T>(key: string, entry: CacheEntry<T>, options: SetOptions): Promise<boolean> {
    const ttl = lifetimeMs(entry.policy);
    if (ttl <= 0) return false;
    const tags = options.tags;
    const keys = [
      this.entryKey(key),
      ...tags.map((t) => this.tagSetKey(options.connectionId, t)),
      ...tags.map((t) => this.versionKey(options.connectionId, t)),
    ];
    const check = options.unlessInvalidatedSince;
    // ARGV[4 + n + 1] is the tag-set bound; the check's versions (when absent, placeholders) come first.
    const versions = check ?? tags.map(() => "");
    const args = [JSON.stringify(entry), ttl, tags.length, check ? "1" : "0", ...versions, this.maxKeysPerTag];
    const stored = await this.redis.kcStore(keys.length, ...keys, ...args);
    return stored === 1;
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.entryKey(key));
  }

  async snapshotTags(connectionId: string, tags: readonly string[]): Promise<TagSnapshot> {
    if (tags.length === 0) return [];
    const versions = await this.redis.mget(...tags.map((t) => this.versionKey(connectionId, t)));
    return versions.map((v) => v ?? "0");
  }

  async invalidateTags(connectionId: string, tags: readonly string[]): Promise<number> {
    this.invalidations++;
    if (tags.length === 0) return 0;
    const keys = [
      ...tags.map((t) => this.tagSetKey(connectionId, t)),
      ...tags.map((t) => this.versionKey(connectionId, t)),
    ];
    return this.redis.kcInvalidate(keys.length, ...keys, tags.length, TAG_VERSION_TTL_MS);
  }

  async tryLock(key: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    const token = randomUUID();
    const lockKey = `${this.prefix}l:${key}`;
    const taken = await this.redis.set(lockKey, token, "PX", ttlMs, "NX");
    if (taken !== "OK") return undefined;
    return async () => {
      await this.redis.kcRelease(lockKey, token);
    };
  }

  async close(): Promise<void> {
    if (!this.ownsClient) return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private entryKey(key: string): string {
    return `${this.prefix}e:${key}`;
  }

  private tagSetKey(connectionId: string, tag: string): string {
    return `${this.prefix}t:${connectionId}:${tag}`;
  }

  private versionKey(connectionId: string, tag: string): string {
    return `${this.prefix}v:${connectionId}:${tag}`;
  }
}
