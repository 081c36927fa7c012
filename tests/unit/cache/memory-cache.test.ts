import { describe, expect, it } from "vitest";
import type { CachePolicy } from "../../../lib/cache/cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";

const policy: CachePolicy = { ttlSeconds: 60, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 };

describe("memory cache", () => {
  it("stays within its size bound by evicting the least recently used entries", async () => {
    const cache = new MemoryCache({ maxSizeBytes: 10_000 });
    const value = "x".repeat(1_000); // ~2 kB each as counted
    for (let i = 0; i < 20; i++)
      await cache.set(`k${i}`, { value, storedAt: Date.now(), policy }, { connectionId: "c", tags: ["tags"] });
    const kept = (await Promise.all(Array.from({ length: 20 }, (_, i) => cache.get(`k${i}`)))).filter(Boolean).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(20);
    expect(await cache.get("k19")).toBeDefined();
    expect(await cache.get("k0")).toBeUndefined();
    // Evicted entries left the tag index: only the kept ones are counted as removed.
    expect(await cache.invalidateTags("c", ["tags"])).toBe(kept);
  });

  it("refuses an entry larger than the whole cache", async () => {
    const cache = new MemoryCache({ maxSizeBytes: 100 });
    expect(
      await cache.set("big", { value: "y".repeat(500), storedAt: Date.now(), policy }, { connectionId: "c", tags: [] }),
    ).toBe(false);
  });

  it("freezes cached values so that a reader cannot change what others are served", async () => {
    const cache = new MemoryCache({ maxSizeBytes: 10_000 });
    await cache.set(
      "k",
      { value: { data: [{ id: "t1", tags: ["a"] }] }, storedAt: Date.now(), policy },
      { connectionId: "c", tags: [] },
    );
    const entry = await cache.get<{ data: { id: string; tags: string[] }[] }>("k");
    expect(() => entry!.value.data[0].tags.push("b")).toThrow(TypeError);
    expect(() => {
      entry!.value.data[0].id = "changed";
    }).toThrow(TypeError);
  });
});
