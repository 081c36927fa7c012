import "server-only";
// Presence in Redis: one hash per record (field: the tab, value: its entry), the hash expiring a
// while after its last write; entries past their own time are dropped as they are read.
import type { Redis } from "ioredis";
import { PRESENCE_STATES, type PresenceEntry, type PresenceStore } from "./presence-store";

export const DEFAULT_PRESENCE_PREFIX = "klink-console:presence:";
const HASH_TTL_MS = 60_000;

/** Over a connection it does not own (the process's shared one): close() leaves it open. */
export function createRedisPresenceStore(options: { redis: Redis; prefix?: string }): PresenceStore {
  const prefix = options.prefix ?? DEFAULT_PRESENCE_PREFIX;
  const redis = options.redis;
  const hash = (key: string) => `${prefix}${key}`;

  async function read(key: string): Promise<PresenceEntry[]> {
    const raw = await redis.hgetall(hash(key));
    return Object.values(raw)
      .map(parseEntry)
      .filter((entry): entry is PresenceEntry => entry !== null);
  }

  return {
    async put(key, entry, now) {
      const [[, previous]] = (await redis
        .multi()
        .hget(hash(key), entry.tab)
        .hset(hash(key), entry.tab, JSON.stringify(entry))
        .pexpire(hash(key), HASH_TTL_MS)
        .exec()) as [[Error | null, string | null], ...unknown[]];
      const before = previous ? parseEntry(previous) : null;
      return before && before.expiresAt > now ? before : null;
    },
    async remove(key, tab) {
      return (await redis.hdel(hash(key), tab)) > 0;
    },
    async list(key, now) {
      const entries = await read(key);
      const expired = entries.filter((entry) => entry.expiresAt <= now).map((entry) => entry.tab);
      if (expired.length) await redis.hdel(hash(key), ...expired);
      return entries.filter((entry) => entry.expiresAt > now);
    },
    close: async () => undefined,
  };
}

function parseEntry(text: string): PresenceEntry | null {
  try {
    const value = JSON.parse(text) as Partial<PresenceEntry>;
    if (
      typeof value.tab === "string" &&
      typeof value.userId === "string" &&
      typeof value.name === "string" &&
      typeof value.expiresAt === "number" &&
      (PRESENCE_STATES as readonly string[]).includes(value.state as string)
    )
      return value as PresenceEntry;
  } catch {
    // not one of ours
  }
  return null;
}
