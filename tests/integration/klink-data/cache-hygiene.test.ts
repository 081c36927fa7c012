// Cache hygiene: reads with query parameters the registry does not know, or with an over-long
// key, are passed on to K-LINK but never stored, so a flood of distinct query strings cannot grow
// the cache. On both caches, against the simulator over a real socket.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Cache } from "../../../lib/cache/cache";
import { cacheKey } from "../../../lib/cache/cache-key";
import { setCache } from "../../../lib/cache/get-cache";
import { RedisCache } from "../../../lib/cache/redis-cache";
import { resetDatabase } from "../../helpers/db";
import { backends, type Backend } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";
import { PROXY_DOORS, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  afterAll(deleteTestKeys);

  for (const backend of backends) {
    describe.skipIf(backend.skip)(`cache hygiene on the ${backend.name} cache`, () => suite(backend, door));
  }

  /** Entries of the connection in Redis (every key under the cache's prefix naming it). */
  async function redisEntryCount(cache: RedisCache, connectionId: string): Promise<number> {
    let cursor = "0";
    let count = 0;
    do {
      const [next, keys] = await cache.client.scan(
        cursor,
        "MATCH",
        `${cache.prefix}e:${connectionId}|*`,
        "COUNT",
        1000,
      );
      count += keys.length;
      cursor = next;
    } while (cursor !== "0");
    return count;
  }

  function suite(backend: Backend, door: (typeof PROXY_DOORS)[number]) {
    let f: ProxyFixture;
    let conn: string;
    let cache: Cache;

    beforeAll(async () => {
      await resetDatabase();
      f = await startProxyFixture({ door });
    });
    beforeEach(async () => {
      cache = backend.create();
      await setCache(cache);
      conn = await f.addConnection(`hygiene-${randomUUID().slice(0, 8)}`, f.sim.url);
    });
    afterAll(async () => {
      await f.stop();
      await setCache(undefined);
    });

    const get = (path: string) => f.call("GET", path, { as: "viewer", headers: { "x-klink-connection": conn } });
    const upstreamCalls = async (endpoint: string) =>
      (await f.control<Record<string, number>>("GET", "counters"))[endpoint] ?? 0;

    it("passes unknown query parameters on to K-LINK, answering each from K-LINK and storing none", async () => {
      const before = await upstreamCalls("categories.list");
      const values = Array.from({ length: 100 }, () => randomUUID());
      for (const x of values) {
        const answer = await get(`/api/klink/v1/categories?x=${x}`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get("x-cache")).toBeNull();
      }
      expect((await upstreamCalls("categories.list")) - before).toBe(100);
      for (const x of values.slice(0, 10))
        expect(await cache.get(cacheKey(conn, "categories.list", { query: { x } }))).toBeUndefined();
      if (cache instanceof RedisCache) expect(await redisEntryCount(cache, conn)).toBe(0);
      // The same read without them is cached as before.
      expect((await get("/api/klink/v1/categories")).headers.get("x-cache")).toBe("MISS");
      expect((await get("/api/klink/v1/categories")).headers.get("x-cache")).toBe("HIT");
      // An empty unknown parameter changes nothing K-LINK sees: still the cached entry.
      expect((await get("/api/klink/v1/categories?x=")).headers.get("x-cache")).toBe("HIT");
    });

    it("does not store a read whose cache key would be over-long", async () => {
      expect((await get("/api/klink/v1/tickets?keyword=short")).headers.get("x-cache")).toBe("MISS");
      // A declared parameter within its own limit (200 characters) whose key is over-long once
      // percent-encoded: answered, not stored.
      const long = encodeURIComponent("é".repeat(190));
      const path = `/api/klink/v1/tickets?keyword=${long}&channel=${long}&priority=${long}`;
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get("x-cache")).toBeNull();
      expect((await get(path)).headers.get("x-cache")).toBeNull();
    });
  }
});
