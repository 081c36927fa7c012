import "server-only";
// Which K-LINK reads may be cached. Query parameters the registry does not know are passed on to
// K-LINK (never dropped), but such a read is not cached: anyone could otherwise mint a new entry
// per request (`?x=<random>`), thrashing the memory cache, growing Redis and its tag sets, and
// spending K-LINK's rate limit through misses. Not caching them (rather than a small side area)
// leaves nothing for a flood to fill or evict; the console's own pages never send such
// parameters, and a caller that does is still served, only from K-LINK each time. Cache keys are
// bounded in length as well (a known parameter can still carry a long value).
import type { EndpointDef, KlinkCallInput } from "../klink/registry";

/** The longest cache key stored; a read with a longer one is answered uncached. */
export const CACHE_KEY_MAX_LENGTH = 2048;

export type UncacheableReason = "unknown_query" | "key_too_long";

/** Why this read must not be cached, or undefined when it may be. */
export function uncacheableReason(def: EndpointDef, input: KlinkCallInput, key: string): UncacheableReason | undefined {
  const known = new Set(def.query ? Object.keys(def.query.shape) : []);
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if (!known.has(name) && !isAbsent(value)) return "unknown_query";
  }
  if (key.length > CACHE_KEY_MAX_LENGTH) return "key_too_long";
  return undefined;
}

/** As the cache key treats it (lib/cache/cache-key.ts): absent values do not change the answer. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}
