import "server-only";
// The process-wide live event bus, chosen by REDIS_URL (kept on globalThis so development
// reloads do not open new Redis connections).
import { env } from "../env";
import type { EventBus } from "./event-bus";
import { createMemoryEventBus } from "./memory-event-bus";
import { createRedisEventBus } from "./redis-event-bus";

const globalForBus = globalThis as unknown as { klinkConsoleEventBus?: EventBus };

export function getEventBus(): EventBus {
  const redisUrl = env().REDIS_URL;
  globalForBus.klinkConsoleEventBus ??= redisUrl ? createRedisEventBus({ url: redisUrl }) : createMemoryEventBus();
  return globalForBus.klinkConsoleEventBus;
}
