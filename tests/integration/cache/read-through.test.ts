import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cache, CachePolicy } from "../../../lib/cache/cache";
import { readThrough, type ReadThroughOptions } from "../../../lib/cache/read-through";
import { KlinkHttpError, KlinkNetworkError, KlinkTimeoutError } from "../../../lib/klink/errors";
import { CircuitOpenError } from "../../../lib/resilience/circuit-open-error";
import { waitFor } from "../../../scripts/console-process";
import { backends, uniqueConnectionId } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";

const policy: CachePolicy = { ttlSeconds: 10, staleWhileRevalidateSeconds: 20, staleIfErrorSeconds: 300 };

/** A K-LINK stand-in whose answers the test controls; counts its calls. */
function upstream() {
  let version = 0;
  const state = {
    calls: 0,
    fail: undefined as Error | undefined,
    gate: undefined as Promise<void> | undefined,
    load: async () => {
      state.calls++;
      if (state.gate) await state.gate;
      if (state.fail) throw state.fail;
      version++;
      return { data: [{ id: "t1" }], version };
    },
  };
  return state;
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

afterAll(deleteTestKeys);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`read-through on the ${backend.name} cache`, () => {
    let cache: Cache;
    let conn: string;
    let clock: number;
    let k: ReturnType<typeof upstream>;
    const read = (extra: Partial<ReadThroughOptions<unknown>> = {}) =>
      readThrough({
        cache,
        key: `${conn}|tickets.list|q:page=1`,
        connectionId: conn,
        tags: ["tickets:list"],
        policy,
        load: k.load,
        now: () => clock,
        ...extra,
      });

    beforeEach(() => {
      cache = backend.create();
      conn = uniqueConnectionId();
      clock = Date.now();
      k = upstream();
    });
    afterEach(() => cache.close());

    it("answers MISS from K-LINK first, then HIT from the cache with its age", async () => {
      const first = await read();
      expect(first).toMatchObject({ state: "MISS", ageSeconds: 0, value: { version: 1 } });
      clock += 4_000;
      const second = await read();
      expect(second).toMatchObject({ state: "HIT", ageSeconds: 4, value: { version: 1 } });
      expect(k.calls).toBe(1);
    });

    it("serves STALE within stale-while-revalidate and refreshes once in the background", async () => {
      await read();
      clock += 15_000; // past the TTL (10 s), inside the SWR window (20 s more)
      const results = await Promise.all([read(), read(), read()]);
      expect(results.map((r) => r.state)).toEqual(["STALE", "STALE", "STALE"]);
      expect(results[0]).toMatchObject({ ageSeconds: 15, value: { version: 1 }, staleReason: "revalidating" });
      await waitFor(
        async () => (await cache.get<{ version: number }>(`${conn}|tickets.list|q:page=1`))?.value.version === 2,
        5_000,
      );
      expect(k.calls).toBe(2);
      expect(await read()).toMatchObject({ state: "HIT", value: { version: 2 } });
    });

    it("loads again (MISS) once the stale-while-revalidate window is over", async () => {
      await read();
      clock += 31_000;
      expect(await read()).toMatchObject({ state: "MISS", value: { version: 2 } });
    });

    for (const [name, fault] of [
      ["a 503", new KlinkHttpError("tickets.list", 503, { status: "error" })],
      ["a timeout", new KlinkTimeoutError("tickets.list", 1000)],
      ["a network error", new KlinkNetworkError("tickets.list", "ECONNREFUSED")],
      ["a 429", new KlinkHttpError("tickets.list", 429, {}, undefined, 60)],
      ["an open circuit", new CircuitOpenError("c", 5)],
    ] as const) {
      it(`serves the entry as STALE within stale-if-error when K-LINK fails with ${name}`, async () => {
        await read();
        clock += 100_000; // past TTL + SWR, inside stale-if-error (300 s)
        k.fail = fault;
        expect(await read()).toMatchObject({
          state: "STALE",
          ageSeconds: 100,
          value: { version: 1 },
          staleReason: "upstream_error",
        });
      });
    }

    it("passes the failure on when the entry is older than its stale-if-error window", async () => {
      await read();
      clock += 311_000;
      k.fail = new KlinkHttpError("tickets.list", 503, {});
      await expect(read()).rejects.toBeInstanceOf(KlinkHttpError);
    });

    it("never answers K-LINK's own 4xx with a stale entry", async () => {
      await read();
      clock += 100_000;
      k.fail = new KlinkHttpError("tickets.list", 404, { status: "error", message: "not found" });
      await expect(read()).rejects.toMatchObject({ status: 404 });
    });

    it("makes ONE upstream call for 200 concurrent identical misses", async () => {
      const gate = deferred();
      k.gate = gate.promise;
      const pending = Array.from({ length: 200 }, () => read());
      setTimeout(gate.release, 20);
      const results = await Promise.all(pending);
      expect(k.calls).toBe(1);
      expect(new Set(results.map((r) => (r.value as { version: number }).version))).toEqual(new Set([1]));
      expect(results.every((r) => r.state === "MISS")).toBe(true);
    });

    it("shares one failure among coalesced callers and lets the next read try again", async () => {
      k.fail = new KlinkHttpError("tickets.list", 503, {});
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => read()));
      expect(results.every((r) => r.status === "rejected")).toBe(true);
      expect(k.calls).toBe(1);
      k.fail = undefined;
      expect(await read()).toMatchObject({ state: "MISS" });
      expect(k.calls).toBe(2);
    });

    it("bypasses a fresh entry on request, and stores what it loaded", async () => {
      await read();
      expect(await read({ bypass: true })).toMatchObject({ state: "BYPASS", ageSeconds: 0, value: { version: 2 } });
      expect(await read()).toMatchObject({ state: "HIT", value: { version: 2 } });
    });

    it("misses after the entry's tag is invalidated", async () => {
      await read();
      await cache.invalidateTags(conn, ["tickets:list"]);
      expect(await read()).toMatchObject({ state: "MISS", value: { version: 2 } });
    });

    it("does not keep a load's result when a write invalidated its tags while it ran", async () => {
      const gate = deferred();
      k.gate = gate.promise;
      const racing = read();
      await waitFor(async () => k.calls === 1, 5_000);
      await cache.invalidateTags(conn, ["tickets:list"]);
      k.gate = undefined;
      gate.release();
      expect(await racing).toMatchObject({ state: "MISS", value: { version: 1 } });
      expect(await read()).toMatchObject({ state: "MISS", value: { version: 2 } });
    });

    it("does not hand a read that starts after a write the result of a load begun before it", async () => {
      const gate = deferred();
      k.gate = gate.promise;
      const before = read();
      await waitFor(async () => k.calls === 1, 5_000);
      await cache.invalidateTags(conn, ["tickets:list"]);
      const after = read();
      gate.release();
      const [b, a] = await Promise.all([before, after]);
      expect(k.calls).toBe(2);
      expect((b.value as { version: number }).version).not.toBe((a.value as { version: number }).version);
    });
  });
}
