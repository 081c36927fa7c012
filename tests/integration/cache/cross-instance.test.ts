// Two cache instances over one Redis stand for two console processes: their only shared state
// is Redis, exactly as between processes.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CachePolicy } from "../../../lib/cache/cache";
import { readThrough } from "../../../lib/cache/read-through";
import { RedisCache } from "../../../lib/cache/redis-cache";
import { KlinkHttpError } from "../../../lib/klink/errors";
import { uniqueConnectionId } from "../../helpers/cache-backends";
import { deleteTestKeys, newRedisCache, redisSuiteNote, redisTarget } from "../../helpers/redis-for-tests";

const policy: CachePolicy = { ttlSeconds: 10, staleWhileRevalidateSeconds: 10, staleIfErrorSeconds: 60 };

afterAll(deleteTestKeys);

describe.skipIf(Boolean(redisTarget.skipReason))(`coalescing across instances over one Redis${redisSuiteNote}`, () => {
  let a: RedisCache;
  let b: RedisCache;
  let conn: string;
  beforeEach(() => {
    a = newRedisCache();
    b = newRedisCache();
    conn = uniqueConnectionId();
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it("makes ONE upstream call for 100 concurrent misses on each of two instances", async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 100)); // K-LINK's latency
      return { data: ["shared"] };
    };
    const key = `${conn}|channels.list`;
    const read = (cache: RedisCache) =>
      readThrough({ cache, key, connectionId: conn, tags: ["channels"], policy, load });
    const results = await Promise.all([
      ...Array.from({ length: 100 }, () => read(a)),
      ...Array.from({ length: 100 }, () => read(b)),
    ]);
    expect(calls).toBe(1);
    expect(results.every((r) => JSON.stringify(r.value) === JSON.stringify({ data: ["shared"] }))).toBe(true);
  });

  it("lets a waiting instance take over when the loading instance fails", async () => {
    let started!: () => void;
    const loaderStarted = new Promise<void>((resolve) => (started = resolve));
    const key = `${conn}|tags.list`;
    const failing = readThrough({
      cache: a,
      key,
      connectionId: conn,
      tags: ["tags"],
      policy,
      load: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new KlinkHttpError("tags.list", 503, {});
      },
    });
    await loaderStarted;
    const waiting = readThrough({
      cache: b,
      key,
      connectionId: conn,
      tags: ["tags"],
      policy,
      load: async () => ({ data: ["from b"] }),
    });
    await expect(failing).rejects.toBeInstanceOf(KlinkHttpError);
    expect(await waiting).toMatchObject({ state: "MISS", value: { data: ["from b"] } });
  });

  it("stops waiting for a stuck loader after the bounded wait and loads by itself", async () => {
    const key = `${conn}|categories.list`;
    const stuckLock = await a.tryLock(key, 60_000);
    expect(stuckLock).toBeDefined();
    const result = await readThrough({
      cache: b,
      key,
      connectionId: conn,
      tags: ["categories"],
      policy,
      lockTtlMs: 300,
      load: async () => ({ data: ["own"] }),
    });
    expect(result).toMatchObject({ state: "MISS", value: { data: ["own"] } });
    await stuckLock!();
  });

  it("sees another instance's invalidation", async () => {
    const key = `${conn}|contacts.get|p:id=c1`;
    let version = 0;
    const read = (cache: RedisCache) =>
      readThrough({ cache, key, connectionId: conn, tags: ["contact:c1"], policy, load: async () => ++version });
    expect(await read(a)).toMatchObject({ state: "MISS", value: 1 });
    expect(await read(b)).toMatchObject({ state: "HIT", value: 1 });
    await b.invalidateTags(conn, ["contact:c1"]);
    expect(await read(a)).toMatchObject({ state: "MISS", value: 2 });
  });
});

describe("a cache backend that is down", () => {
  it("never fails a read: K-LINK answers it (MISS)", async () => {
    const down = new RedisCache({ url: "redis://127.0.0.1:9/0", keyPrefix: "unused:", commandTimeoutMs: 200 });
    try {
      let calls = 0;
      const read = () =>
        readThrough({ cache: down, key: "c|k", connectionId: "c", tags: ["tags"], policy, load: async () => ++calls });
      expect(await read()).toMatchObject({ state: "MISS", value: 1 });
      expect(await read()).toMatchObject({ state: "MISS", value: 2 });
    } finally {
      await down.close();
    }
  });
});
