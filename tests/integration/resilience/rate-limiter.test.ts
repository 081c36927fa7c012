// The shared rate-limiter factory against both stores: the memory one (one process) and Redis
// (every instance shares the counters, through the cache's own connection).
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { metrics } from "../../../lib/metrics/registry";
import {
  rateLimiter,
  retryAfterHeader,
  setRateLimitStore,
  type RateLimitStore,
} from "../../../lib/resilience/rate-limiter";
import { openRedis } from "../../../lib/redis/shared-redis";
import { deleteTestKeys, redisSuiteNote, redisTarget, testKeyPrefix } from "../../helpers/redis-for-tests";

// Every connection a test opens, closed after it.
const opened: Redis[] = [];
function redisStore(commandTimeoutMs?: number): RateLimitStore & { kind: "redis" } {
  const client = openRedis(redisTarget.url!, { commandTimeoutMs, name: "test" });
  opened.push(client);
  return { kind: "redis", client, keyPrefix: `${testKeyPrefix}rl:` };
}

afterAll(deleteTestKeys);
afterEach(async () => {
  setRateLimitStore(undefined);
  await Promise.all(opened.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
});

const backends: { name: string; skip: boolean; create: () => RateLimitStore }[] = [
  { name: "memory", skip: false, create: () => ({ kind: "memory" }) },
  { name: `redis${redisSuiteNote}`, skip: Boolean(redisTarget.skipReason), create: () => redisStore() },
];

async function rateLimitedCount(name: string): Promise<number> {
  const metric = await metrics().rateLimited.get();
  return metric.values.find((v) => v.labels.limiter === name)?.value ?? 0;
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`rate limiter on the ${backend.name} store`, () => {
    it("allows the limit's points per window, then refuses with a Retry-After within the window", async () => {
      setRateLimitStore(backend.create());
      const limiter = rateLimiter({ name: "test_basic", points: 3, durationSeconds: 60 });
      const key = randomUUID();
      const before = await rateLimitedCount("test_basic");
      const decisions = [];
      for (let i = 0; i < 5; i++) decisions.push(await limiter.consume(key));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
      const refused = decisions[4];
      if (refused.allowed) throw new Error("expected a refusal");
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(retryAfterHeader(refused)).toEqual({ "Retry-After": String(refused.retryAfterSeconds) });
      expect(await limiter.consumed(key)).toBe(5);
      expect(await rateLimitedCount("test_basic")).toBe(before + 2);
      // Another key has its own counter.
      expect((await limiter.consume(randomUUID())).allowed).toBe(true);
    });

    it("counts every one of many parallel attempts (no check-then-act gap)", async () => {
      setRateLimitStore(backend.create());
      const limiter = rateLimiter({ name: "test_parallel", points: 10, durationSeconds: 60 });
      const key = randomUUID();
      const decisions = await Promise.all(Array.from({ length: 200 }, () => limiter.consume(key)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(await limiter.consumed(key)).toBe(200);
    });

    it("blocks for blockSeconds once over the limit, and reset forgets the key", async () => {
      setRateLimitStore(backend.create());
      const limiter = rateLimiter({ name: "test_block", points: 1, durationSeconds: 1, blockSeconds: 600 });
      const key = randomUUID();
      expect((await limiter.consume(key)).allowed).toBe(true);
      const refused = await limiter.consume(key);
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(500);
      await limiter.reset(key);
      expect(await limiter.consumed(key)).toBe(0);
      expect((await limiter.consume(key)).allowed).toBe(true);
    });
  });
}

describe.skipIf(Boolean(redisTarget.skipReason))(`rate limiter across instances${redisSuiteNote}`, () => {
  it("shares one counter between two processes' connections to the same Redis", async () => {
    const limit = { name: "test_shared", points: 4, durationSeconds: 60 };
    const key = randomUUID();
    setRateLimitStore(redisStore());
    expect((await rateLimiter(limit).consume(key, 3)).allowed).toBe(true);
    setRateLimitStore(redisStore());
    const other = rateLimiter(limit);
    expect((await other.consume(key)).allowed).toBe(true);
    expect((await other.consume(key)).allowed).toBe(false);
  });

  it("keeps limiting in memory when Redis does not answer", async () => {
    const store = redisStore(200);
    setRateLimitStore(store);
    store.client.disconnect();
    const limiter = rateLimiter({ name: "test_insured", points: 2, durationSeconds: 60 });
    const key = randomUUID();
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limiter.consume(key));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it("uses the process's shared Redis connection when REDIS_URL is set", async () => {
    const { resetEnvCache } = await import("../../../lib/env");
    const { closeSharedRedis, sharedRedis } = await import("../../../lib/redis/shared-redis");
    const original = process.env.REDIS_URL;
    process.env.REDIS_URL = redisTarget.url!;
    resetEnvCache();
    try {
      const limiter = rateLimiter({ name: "test_default_store", points: 1, durationSeconds: 60 });
      const key = randomUUID();
      await limiter.consume(key);
      const stored = await sharedRedis()!.get(`klink-console:rl:test_default_store:${key}`);
      expect(stored).toBe("1");
      await limiter.reset(key);
    } finally {
      if (original === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = original;
      resetEnvCache();
      await closeSharedRedis();
    }
  });
});

describe("rate limit descriptions", () => {
  it("refuses names that would not be safe store keys or metric labels, and non-positive limits", () => {
    expect(() => rateLimiter({ name: "Login Address", points: 1, durationSeconds: 1 })).toThrow(/name/);
    expect(() => rateLimiter({ name: "x", points: 0, durationSeconds: 1 })).toThrow(/positive/);
  });
});
