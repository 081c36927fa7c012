import "server-only";
// The process's one Redis connection for request-time work (the cache, the rate limits), opened
// on first use when REDIS_URL is set. One per process, whichever route bundle asks. The event
// bus keeps its own publisher and subscriber (a subscribing connection can do nothing else).
import { Redis } from "ioredis";
import { env } from "../env";
import { logger } from "../log/logger";
import { processGlobal } from "../process-global";

const processRedis = processGlobal<{ url: string; redis: Redis }>("shared-redis");

/** A connection that fails fast when Redis is away, so a request falls back instead of queueing. */
export function openRedis(url: string, options: { commandTimeoutMs?: number; name?: string } = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    enableAutoPipelining: true,
  });
  redis.on("error", (error: Error) => logger.warn({ redis: options.name ?? "shared", err: error }, "redis error"));
  return redis;
}

/** The shared connection, or undefined when REDIS_URL is not set. */
export function sharedRedis(): Redis | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  const current = processRedis.get();
  if (current?.url === url) return current.redis;
  // REDIS_URL changed (tests): the old connection is left to whoever still holds it.
  const opened = { url, redis: openRedis(url) };
  processRedis.set(opened);
  return opened.redis;
}

/** Closes the shared connection (tests, shutdown); the next use opens a new one. */
export async function closeSharedRedis(): Promise<void> {
  const current = processRedis.get();
  processRedis.set(undefined);
  if (current) await current.redis.quit().catch(() => current.redis.disconnect());
}
