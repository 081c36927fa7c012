import "server-only";
// The process's cache: Redis when REDIS_URL is set, the in-memory LRU otherwise. One per process,
// so every route bundle of Next.js shares one instance (and one Redis client).
import type { Cache } from "./cache";
import { MemoryCache } from "./memory-cache";
import { RedisCache } from "./redis-cache";
import { env } from "../env";
import { sharedRedis } from "../redis/shared-redis";
import { processGlobal } from "../process-global";

const processCache = processGlobal<Cache>("cache");

export function getCache(): Cache {
  return processCache.init(() => {
    const config = env();
    const redis = sharedRedis();
    return redis
      ? new RedisCache({ client: redis })
      : new MemoryCache({ maxSizeBytes: config.CACHE_MEMORY_MAX_MB * 1024 * 1024 });
  });
}

/** Replaces the process's cache (tests, benchmarks); closes the previous one. */
export async function setCache(cache: Cache | undefined): Promise<void> {
  const previous = processCache.get();
  processCache.set(cache);
  if (previous && previous !== cache) await previous.close();
}
