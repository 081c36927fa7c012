import "server-only";
// THE way to drop cached K-LINK data that a change made out of date. Used by the proxy after a
// successful write and by the webhook processor on events.
//
// `tags` are the unscoped names of lib/klink/cache-tags.ts (e.g. cacheTags.ticket(id)); only
// entries of that connection are dropped. Returns how many entries were removed (on a shared
// Redis cache, across all instances). A load already running when this is called does not
// store its (possibly pre-change) result. Throws when the cache backend fails, so that the
// caller can retry (the webhook processor) or log it (the proxy, whose write already succeeded).
import { getCache } from "./get-cache";

export async function invalidateTags(connectionId: string, tags: readonly string[]): Promise<number> {
  if (tags.length === 0) return 0;
  return getCache().invalidateTags(connectionId, [...new Set(tags)]);
}
