import "server-only";
// The stored rows of recently used API keys, by key hash, for a few seconds: a script calling the
// console many times a second would otherwise cost a database read per call. As with users
// (lib/auth/current-user.ts, the same TTL), a revocation made by this process drops the entry at
// once; one made on another instance takes effect there within API_KEY_CACHE_TTL_MS. Unknown keys
// are not remembered, so guesses cannot push real keys out.
import { LRUCache } from "lru-cache";
import { USER_CACHE_TTL_MS } from "../auth/current-user";
import { processGlobal } from "../process-global";

export const API_KEY_CACHE_TTL_MS = USER_CACHE_TTL_MS;

export type CachedApiKey = {
  id: string;
  userId: string;
  keyHash: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

// One per process: a revocation must reach every copy of this module Next.js loads.
const cache = processGlobal<LRUCache<string, CachedApiKey>>("api-key-cache").init(
  () => new LRUCache({ max: 5_000, ttl: API_KEY_CACHE_TTL_MS }),
);

export function cachedApiKey(keyHash: string): CachedApiKey | undefined {
  return cache.get(keyHash);
}

/** After a database read only: the entry then lives API_KEY_CACHE_TTL_MS, however often it is used. */
export function rememberApiKey(row: CachedApiKey): void {
  cache.set(row.keyHash, row);
}

/** Records the lastUsedAt just written, without extending the entry's life. */
export function noteApiKeyUse(row: CachedApiKey, at: Date): void {
  if (cache.has(row.keyHash)) cache.set(row.keyHash, { ...row, lastUsedAt: at }, { noUpdateTTL: true });
}

/** Called when this process revokes the key, so the revocation counts from its next request. */
export function forgetCachedApiKey(id: string): void {
  for (const [keyHash, row] of cache.entries()) if (row.id === id) cache.delete(keyHash);
}
