import "server-only";
// The process-wide presence store, chosen by REDIS_URL like the cache and the event bus.
import { env } from "../env";
import { processGlobal } from "../process-global";
import { createMemoryPresenceStore, type PresenceStore } from "./presence-store";
import { createRedisPresenceStore } from "./redis-presence-store";

const processStore = processGlobal<PresenceStore>("presence-store");

export function getPresenceStore(): PresenceStore {
  return processStore.init(() => {
    const redisUrl = env().REDIS_URL;
    return redisUrl ? createRedisPresenceStore({ url: redisUrl }) : createMemoryPresenceStore();
  });
}
