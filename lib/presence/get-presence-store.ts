import "server-only";
// The process-wide presence store, chosen by REDIS_URL like the cache and the event bus (on the
// process's shared Redis connection).
import { processGlobal } from "../process-global";
import { sharedRedis } from "../redis/shared-redis";
import { createMemoryPresenceStore, type PresenceStore } from "./presence-store";
import { createRedisPresenceStore } from "./redis-presence-store";

const processStore = processGlobal<PresenceStore>("presence-store");

export function getPresenceStore(): PresenceStore {
  return processStore.init(() => {
    const redis = sharedRedis();
    return redis ? createRedisPresenceStore({ redis }) : createMemoryPresenceStore();
  });
}
