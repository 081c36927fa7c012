import "server-only";
// The process-wide live event bus, chosen by REDIS_URL (one per process: one pair of Redis
// connections, and every listener of the process on the same bus).
import { env } from "../env";
import type { EventBus } from "./event-bus";
import { createMemoryEventBus } from "./memory-event-bus";
import { createRedisEventBus } from "./redis-event-bus";
import { processGlobal } from "../process-global";

const processBus = processGlobal<EventBus>("event-bus");

export function getEventBus(): EventBus {
  return processBus.init(() => {
    const redisUrl = env().REDIS_URL;
    return redisUrl ? createRedisEventBus({ url: redisUrl }) : createMemoryEventBus();
  });
}
