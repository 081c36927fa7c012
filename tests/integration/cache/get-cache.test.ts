import { afterEach, describe, expect, it } from "vitest";
import { getCache, setCache } from "../../../lib/cache/get-cache";
import { invalidateTags } from "../../../lib/cache/invalidate-tags";
import { resetEnvCache } from "../../../lib/env";
import { closeSharedRedis } from "../../../lib/redis/shared-redis";
import { deleteTestKeys, redisSuiteNote, redisTarget } from "../../helpers/redis-for-tests";

const originalRedisUrl = process.env.REDIS_URL;

afterEach(async () => {
  if (originalRedisUrl === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedisUrl;
  resetEnvCache();
  await setCache(undefined);
  await closeSharedRedis();
  await deleteTestKeys();
});

describe("the process's cache", () => {
  it("is the in-memory LRU when REDIS_URL is not set, and one instance for the process", async () => {
    delete process.env.REDIS_URL;
    resetEnvCache();
    await setCache(undefined);
    expect(getCache().kind).toBe("memory");
    expect(getCache()).toBe(getCache());
  });

  it.skipIf(Boolean(redisTarget.skipReason))(`is Redis when REDIS_URL is set${redisSuiteNote}`, async () => {
    process.env.REDIS_URL = redisTarget.url!;
    resetEnvCache();
    await setCache(undefined);
    expect(getCache().kind).toBe("redis");
  });

  it("invalidateTags(connectionId, tags) drops that connection's tagged entries from the process's cache", async () => {
    delete process.env.REDIS_URL;
    resetEnvCache();
    await setCache(undefined);
    const policy = { ttlSeconds: 60, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 };
    await getCache().set(
      "conn-a|ticket",
      { value: 1, storedAt: Date.now(), policy },
      { connectionId: "conn-a", tags: ["ticket:7"] },
    );
    await getCache().set(
      "conn-b|ticket",
      { value: 2, storedAt: Date.now(), policy },
      { connectionId: "conn-b", tags: ["ticket:7"] },
    );
    expect(await invalidateTags("conn-a", ["ticket:7", "ticket:7", "tickets:list"])).toBe(1);
    expect(await getCache().get("conn-a|ticket")).toBeUndefined();
    expect(await getCache().get("conn-b|ticket")).toBeDefined();
  });
});
