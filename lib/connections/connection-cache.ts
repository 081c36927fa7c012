import "server-only";
// A few seconds of memory for decrypted connections and webhook settings: the proxy and the
// webhook receiver read them on every request. Any change made by this process empties it;
// other instances see a change within the TTL. Kept on globalThis: Next.js may load this module
// once per bundle (route handlers, server actions, the instrumentation that serves webhook
// deliveries), and an admin's change must empty the copy the webhook receiver reads too.
import { LRUCache } from "lru-cache";
import { processGlobal } from "../process-global";

export const CONNECTION_CACHE_TTL_MS = 5_000;

type Shared = { entries: LRUCache<string, { value: unknown }>; generation: number };
const shared = processGlobal<Shared>("connection-cache").init(() => ({
  entries: new LRUCache({ max: 1_000, ttl: CONNECTION_CACHE_TTL_MS }),
  generation: 0,
}));

export async function cachedConnectionValue<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = shared.entries.get(key);
  if (hit) return hit.value as T;
  const generation = shared.generation;
  const value = await load();
  // A load that began before a change may have read the old row: use it, but do not keep it.
  if (shared.generation === generation) shared.entries.set(key, { value });
  return value;
}

export function forgetCachedConnections(): void {
  shared.generation++;
  shared.entries.clear();
}
