import "server-only";
// Who has a ticket or contact open right now: one entry per browser tab, kept for a few seconds
// past its last heartbeat. In memory within one instance; in Redis (redis-presence-store.ts)
// when REDIS_URL is set, so every instance sees every tab.

export const PRESENCE_STATES = ["viewing", "editing", "replying"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export type PresenceEntry = { tab: string; userId: string; name: string; state: PresenceState; expiresAt: number };

export interface PresenceStore {
  /** Adds or refreshes a tab's entry; answers the entry it replaced, if any (expired ones count as none). */
  put(key: string, entry: PresenceEntry, now: number): Promise<PresenceEntry | null>;
  /** Removes a tab's entry; answers whether there was one. */
  remove(key: string, tab: string): Promise<boolean>;
  /** The live entries of a record. */
  list(key: string, now: number): Promise<PresenceEntry[]>;
  close(): Promise<void>;
}

export function createMemoryPresenceStore(): PresenceStore {
  const records = new Map<string, Map<string, PresenceEntry>>();
  const live = (key: string, now: number) => {
    const tabs = records.get(key);
    if (!tabs) return [];
    for (const [tab, entry] of tabs) if (entry.expiresAt <= now) tabs.delete(tab);
    if (tabs.size === 0) records.delete(key);
    return [...tabs.values()];
  };
  return {
    async put(key, entry, now) {
      const previous = live(key, now).find((e) => e.tab === entry.tab) ?? null;
      const tabs = records.get(key) ?? new Map<string, PresenceEntry>();
      tabs.set(entry.tab, entry);
      records.set(key, tabs);
      return previous;
    },
    async remove(key, tab) {
      const removed = records.get(key)?.delete(tab) ?? false;
      if (records.get(key)?.size === 0) records.delete(key);
      return removed;
    },
    list: async (key, now) => live(key, now),
    close: async () => records.clear(),
  };
}
