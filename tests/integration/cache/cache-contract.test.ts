import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cache, CachePolicy } from "../../../lib/cache/cache";
import { waitFor } from "../../../scripts/console-process";
import { backends, uniqueConnectionId } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";

const policy: CachePolicy = { ttlSeconds: 30, staleWhileRevalidateSeconds: 30, staleIfErrorSeconds: 300 };
const entry = (value: unknown) => ({ value, storedAt: Date.now(), policy });

afterAll(deleteTestKeys);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name} cache`, () => {
    let cache: Cache;
    let conn: string;
    beforeEach(() => {
      cache = backend.create();
      conn = uniqueConnectionId();
    });
    afterEach(() => cache.close());

    it("returns what was stored, with its storedAt and policy", async () => {
      const stored = entry({ data: [{ id: "t1", subject: "สวัสดี" }], total: 1 });
      expect(await cache.set(`${conn}|k`, stored, { connectionId: conn, tags: ["tickets:list"] })).toBe(true);
      expect(await cache.get(`${conn}|k`)).toEqual(stored);
      expect(await cache.get(`${conn}|other`)).toBeUndefined();
    });

    it("drops every entry carrying an invalidated tag and keeps the others", async () => {
      await cache.set(`${conn}|list1`, entry(1), { connectionId: conn, tags: ["tickets:list"] });
      await cache.set(`${conn}|list2`, entry(2), { connectionId: conn, tags: ["tickets:list", "contact-tickets:c1"] });
      await cache.set(`${conn}|tags`, entry(3), { connectionId: conn, tags: ["tags"] });
      expect(await cache.invalidateTags(conn, ["tickets:list"])).toBe(2);
      expect(await cache.get(`${conn}|list1`)).toBeUndefined();
      expect(await cache.get(`${conn}|list2`)).toBeUndefined();
      expect(await cache.get(`${conn}|tags`)).toBeDefined();
      expect(await cache.invalidateTags(conn, ["contact-tickets:c1"])).toBe(0);
    });

    it("scopes tags to the connection: invalidating one connection leaves another's entries", async () => {
      const other = uniqueConnectionId();
      await cache.set(`${conn}|t`, entry("mine"), { connectionId: conn, tags: ["ticket:1"] });
      await cache.set(`${other}|t`, entry("theirs"), { connectionId: other, tags: ["ticket:1"] });
      await cache.invalidateTags(conn, ["ticket:1"]);
      expect(await cache.get(`${conn}|t`)).toBeUndefined();
      expect((await cache.get(`${other}|t`))?.value).toBe("theirs");
    });

    it("skips a store whose tags were invalidated after the snapshot (a write raced the load)", async () => {
      const snapshot = await cache.snapshotTags(conn, ["ticket:9", "tickets:list"]);
      await cache.invalidateTags(conn, ["ticket:9"]);
      const stored = await cache.set(`${conn}|t9`, entry("pre-write"), {
        connectionId: conn,
        tags: ["ticket:9", "tickets:list"],
        unlessInvalidatedSince: snapshot,
      });
      expect(stored).toBe(false);
      expect(await cache.get(`${conn}|t9`)).toBeUndefined();
      const fresh = await cache.snapshotTags(conn, ["ticket:9", "tickets:list"]);
      expect(
        await cache.set(`${conn}|t9`, entry("post-write"), {
          connectionId: conn,
          tags: ["ticket:9", "tickets:list"],
          unlessInvalidatedSince: fresh,
        }),
      ).toBe(true);
    });

    it("forgets an entry once its last window is over", async () => {
      const short: CachePolicy = { ttlSeconds: 0.05, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0.05 };
      await cache.set(
        `${conn}|short`,
        { value: 1, storedAt: Date.now(), policy: short },
        { connectionId: conn, tags: [] },
      );
      await waitFor(async () => (await cache.get(`${conn}|short`)) === undefined, 5_000);
    });

    it("does not store an entry whose policy allows no use at all", async () => {
      const none: CachePolicy = { ttlSeconds: 0, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 };
      expect(
        await cache.set(
          `${conn}|none`,
          { value: 1, storedAt: Date.now(), policy: none },
          { connectionId: conn, tags: [] },
        ),
      ).toBe(false);
      expect(await cache.get(`${conn}|none`)).toBeUndefined();
    });

    it("bounds a tag's entries: one more evicts an older one, and invalidation still drops every survivor", async () => {
      await cache.close();
      cache = backend.create({ maxKeysPerTag: 5 });
      for (let i = 0; i < 40; i++)
        await cache.set(`${conn}|page${i}`, entry(i), { connectionId: conn, tags: ["tickets:list"] });
      const present = [];
      for (let i = 0; i < 40; i++) if (await cache.get(`${conn}|page${i}`)) present.push(i);
      expect(present).toHaveLength(5);
      expect(present).toContain(39);
      // Re-storing a present key evicts nothing.
      await cache.set(`${conn}|page39`, entry("again"), { connectionId: conn, tags: ["tickets:list"] });
      let still = 0;
      for (const i of present) if (await cache.get(`${conn}|page${i}`)) still++;
      expect(still).toBe(5);
      expect(await cache.invalidateTags(conn, ["tickets:list"])).toBe(5);
      for (const i of present) expect(await cache.get(`${conn}|page${i}`)).toBeUndefined();
    });
  });
}
