// Which Redis the cache tests use, decided once per test file:
//   TEST_REDIS_URL set            → that Redis; the tests FAIL if it cannot be reached.
//   unset, 127.0.0.1:6379 answers → redis://127.0.0.1:6379/15 (what CI sets), so a developer
//                                   with a local Redis runs these tests without configuring it.
//   unset, no Redis, CI=true      → FAIL: CI must never pass without the Redis tests.
//   unset, no Redis, elsewhere    → the Redis suites are skipped with the reason in their name
//                                   and a warning, so `npm test` works on a fresh machine.
// Every run uses its own key prefix and deletes its keys afterwards.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { RedisCache } from "../../lib/cache/redis-cache";

export const LOCAL_TEST_REDIS_URL = "redis://127.0.0.1:6379/15";

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function decide(): Promise<{ url: string; skipReason?: undefined } | { url?: undefined; skipReason: string }> {
  const configured = process.env.TEST_REDIS_URL;
  if (configured) {
    if (!(await reachable(configured)))
      throw new Error(`TEST_REDIS_URL=${configured} does not answer: start Redis or unset TEST_REDIS_URL`);
    return { url: configured };
  }
  if (await reachable(LOCAL_TEST_REDIS_URL)) return { url: LOCAL_TEST_REDIS_URL };
  if (process.env.CI)
    throw new Error(
      `CI must run the Redis cache tests: no Redis at ${LOCAL_TEST_REDIS_URL} and TEST_REDIS_URL is not set`,
    );
  const skipReason = `no Redis at ${LOCAL_TEST_REDIS_URL}; set TEST_REDIS_URL to run`;
  console.warn(`[redis tests skipped] ${skipReason}`);
  return { skipReason };
}

export const redisTarget = await decide();

/** Suite title suffix that states why a Redis suite did not run. */
export const redisSuiteNote = redisTarget.skipReason ? ` (SKIPPED: ${redisTarget.skipReason})` : "";

export const testKeyPrefix = `kc-test-${randomUUID().slice(0, 8)}:`;

export function newRedisCache(options: { commandTimeoutMs?: number; maxKeysPerTag?: number } = {}): RedisCache {
  if (!redisTarget.url) throw new Error(redisTarget.skipReason);
  return new RedisCache({ url: redisTarget.url, keyPrefix: testKeyPrefix, ...options });
}

/** Deletes every key this run created. */
export async function deleteTestKeys(): Promise<void> {
  if (!redisTarget.url) return;
  const redis = new Redis(redisTarget.url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${testKeyPrefix}*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
