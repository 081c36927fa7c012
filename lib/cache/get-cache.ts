import "server-only";
// The process's cache: Redis when REDIS_URL is set, the in-memory LRU otherwise. Kept on
// globalThis so that every route bundle of Next.js shares one instance (and one Redis client).
import type { Cache } from "./cache";
import { MemoryCache } from "./memory-cache";
import { RedisCache } from "./redis-cache";
import { env } from "../env";

const holder = globalThis as typeof globalThis & { __klinkConsoleCache?: Cache };

export function getCache(): Cache {
  if (!holder.__klinkConsoleCache) {
    const config = env();
    holder.__klinkConsoleCache = config.REDIS_URL
      ? new RedisCache({ url: config.REDIS_URL })
      : new MemoryCache({ maxSizeBytes: config.CACHE_MEMORY_MAX_MB * 1024 * 1024 });
  }
  return holder.__klinkConsoleCache;
}

/** Replaces the process's cache (tests, benchmarks); closes the previous one. */
export async function setCache(cache: Cache | undefined): Promise<void> {
  const previous = holder.__klinkConsoleCache;
  holder.__klinkConsoleCache = cache;
  if (previous && previous !== cache) await previous.close();
}
