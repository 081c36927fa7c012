import "server-only";
// A few seconds of memory for decrypted connections and webhook settings: the proxy and the
// webhook receiver read them on every request. Any change made by this process empties it;
// other instances see a change within the TTL.
import { LRUCache } from "lru-cache";

export const CONNECTION_CACHE_TTL_MS = 5_000;

const cache = new LRUCache<string, { value: unknown }>({ max: 1_000, ttl: CONNECTION_CACHE_TTL_MS });

export async function cachedConnectionValue<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit.value as T;
  const value = await load();
  cache.set(key, { value });
  return value;
}

export function forgetCachedConnections(): void {
  cache.clear();
}
