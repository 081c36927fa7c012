// The two cache implementations every cache behaviour is tested against.
import type { Cache } from "../../lib/cache/cache";
import { MemoryCache } from "../../lib/cache/memory-cache";
import { newRedisCache, redisSuiteNote, redisTarget } from "./redis-for-tests";

export type Backend = { name: string; skip: boolean; create: (options?: { maxKeysPerTag?: number }) => Cache };

export const backends: Backend[] = [
  { name: "memory", skip: false, create: (options) => new MemoryCache({ maxSizeBytes: 16 * 1024 * 1024, ...options }) },
  {
    name: `redis${redisSuiteNote}`,
    skip: Boolean(redisTarget.skipReason),
    create: (options) => newRedisCache(options),
  },
];

/** Connection ids unique to one test, so tests never see each other's entries. */
let counter = 0;
export function uniqueConnectionId(): string {
  counter += 1;
  return `conn-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
