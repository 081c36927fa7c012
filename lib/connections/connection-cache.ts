import "server-only";
// A few seconds of memory for decrypted connections and webhook settings: the proxy and the
// webhook receiver read them on every request. Any change made by this process empties it;
// other instances see a change within the TTL. Kept on globalThis: Next.js may load this module
// once per bundle (route handlers, server actions, the instrumentation that serves webhook
// deliveries), and an admin's change must empty the copy the webhook receiver reads too.
import { LRUCache } from "lru-cache";

export const CONNECTION_CACHE_TTL_MS = 5_000;

const holder = globalThis as typeof globalThis & { __klinkConsoleConnectionCache?: LRUCache<string, { value: unknown }> };
holder.__klinkConsoleConnectionCache ??= new LRUCache<string, { value: unknown }>({ max: 1_000, ttl: CONNECTION_CACHE_TTL_MS });
const cache = holder.__klinkConsoleConnectionCache;

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
