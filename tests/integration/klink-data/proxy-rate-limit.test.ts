// Per-actor rate limits on the K-LINK proxy, set per role in PROXY_RATE_LIMITS: over the limit,
// 429 rate_limited with Retry-After, before K-LINK is asked. On the memory store and on Redis
// (shared by every instance).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { resetEnvCache } from "../../../lib/env";
import { openRedis } from "../../../lib/redis/shared-redis";
import { setRateLimitStore, type RateLimitStore } from "../../../lib/resilience/rate-limiter";
import { resetDatabase } from "../../helpers/db";
import { deleteTestKeys, redisSuiteNote, redisTarget, testKeyPrefix } from "../../helpers/redis-for-tests";
import { startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

const opened: Redis[] = [];
const stores: { name: string; skip: boolean; create: () => RateLimitStore }[] = [
  { name: "memory", skip: false, create: () => ({ kind: "memory" }) },
  {
    name: `redis${redisSuiteNote}`,
    skip: Boolean(redisTarget.skipReason),
    create: () => {
      const client = openRedis(redisTarget.url!, { name: "test" });
      opened.push(client);
      return { kind: "redis", client, keyPrefix: `${testKeyPrefix}rl:${Math.random().toString(36).slice(2)}:` };
    },
  },
];

let f: ProxyFixture;
beforeAll(async () => {
  await resetDatabase();
  f = await startProxyFixture();
});
afterEach(() => {
  delete process.env.PROXY_RATE_LIMITS;
  resetEnvCache();
  setRateLimitStore(undefined);
});
afterAll(async () => {
  await f.stop();
  await Promise.all(opened.map((c) => c.quit()));
  await deleteTestKeys();
});

const upstream = async () => (await f.control<Record<string, number>>("GET", "counters"))["tags.list"] ?? 0;

for (const store of stores) {
  describe.skipIf(store.skip)(`the proxy's per-actor limits on the ${store.name} store`, () => {
    it("refuses a viewer past its role's limit with 429 and Retry-After, and keeps the limits per user and role", async () => {
      process.env.PROXY_RATE_LIMITS = "viewer=3,admin=6";
      resetEnvCache();
      setRateLimitStore(store.create());
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        // A session and an API key of one user share the budget.
        const answer = await f.call("GET", "/api/klink/v1/tags", { as: "viewer", via: i % 2 ? "session" : "key" });
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.json).toMatchObject({ code: "rate_limited" });
          expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      // The refused request never reached K-LINK (the first was a miss, the others hits).
      const calls = await upstream();
      expect((await f.call("GET", "/api/klink/v1/tags", { as: "viewer" })).status).toBe(429);
      expect(await upstream()).toBe(calls);
      // The admin has its own, larger budget.
      const admin = [];
      for (let i = 0; i < 7; i++) admin.push((await f.call("GET", "/api/klink/v1/tags", { as: "admin" })).status);
      expect(admin).toEqual([200, 200, 200, 200, 200, 200, 429]);
    });
  });
}

it("refuses a malformed PROXY_RATE_LIMITS with a message naming it", async () => {
  const { parseEnv } = await import("../../../lib/env");
  expect(() => parseEnv({ ...process.env, PROXY_RATE_LIMITS: "viewer:10" })).toThrow(/PROXY_RATE_LIMITS must be/);
  expect(parseEnv({ ...process.env, PROXY_RATE_LIMITS: "agent=5" }).PROXY_RATE_LIMITS).toEqual({
    viewer: 1200,
    agent: 5,
    admin: 2400,
  });
});
