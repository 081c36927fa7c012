// Webhook settings are read (and decrypted) for every delivery; under a burst that is the same
// connection hundreds of times a second. A few seconds of memory cache keeps that off the
// database: a changed secret or a deleted connection takes effect within `ttlMs` on every
// instance. Unknown ids are remembered more briefly, and the number of ids is bounded, so random
// ids in the URL cannot grow memory.
import { LRUCache } from "lru-cache";
import type { WebhookSettings } from "./webhook-settings";

export type SettingsLoader = (connectionId: string) => Promise<WebhookSettings | null>;

export function cachedSettingsLoader(load: SettingsLoader, options: { ttlMs?: number; unknownTtlMs?: number; max?: number } = {}): SettingsLoader {
  const ttl = options.ttlMs ?? 5_000;
  const unknownTtl = options.unknownTtlMs ?? 1_000;
  const cache = new LRUCache<string, { settings: WebhookSettings | null }>({
    max: options.max ?? 1_000,
    ttl,
    // Concurrent misses for one id share one load.
    fetchMethod: async (connectionId, _stale, { options: fetchOptions }) => {
      const settings = await load(connectionId);
      if (!settings) fetchOptions.ttl = unknownTtl;
      return { settings };
    },
  });
  return async (connectionId) => (await cache.fetch(connectionId))?.settings ?? null;
}
