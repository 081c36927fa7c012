// K-LINK's answers are read with a byte limit (KLINK_MAX_RESPONSE_BYTES), and every kind of
// upstream failure (too large, not JSON, an HTML page) falls back to a stale entry inside its
// stale-if-error window. Against the simulator over a real socket, on both caches.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { metrics } from "../../../lib/metrics/registry";
import { resetDatabase } from "../../helpers/db";
import { backends, type Backend } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";
import { PROXY_DOORS, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  afterAll(deleteTestKeys);

  for (const backend of backends) {
    describe.skipIf(backend.skip)(`K-LINK answers the console will not take, on the ${backend.name} cache`, () =>
      suite(backend, door),
    );
  }

  async function tooLargeCount(): Promise<number> {
    const values = (await metrics().upstreamErrors.get()).values;
    return values.filter((v) => v.labels.kind === "too_large").reduce((sum, v) => sum + v.value, 0);
  }

  function suite(backend: Backend, door: (typeof PROXY_DOORS)[number]) {
    let f: ProxyFixture;
    let conn: string;

    beforeAll(async () => {
      await resetDatabase();
      f = await startProxyFixture({ door });
    });
    beforeEach(async () => {
      await setCache(backend.create());
      await f.control("POST", "reset");
      conn = await f.addConnection(`limits-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, f.sim.url);
    });
    afterEach(() => vi.useRealTimers());
    afterAll(async () => {
      await f.stop();
      await setCache(undefined);
    });

    const get = (path: string) => f.call("GET", path, { as: "viewer", headers: { "x-klink-connection": conn } });
    const fault = (spec: Record<string, unknown>) => f.control("POST", "faults", spec);
    function laterBy(seconds: number) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + seconds * 1000);
    }

    it("refuses a 30 MB answer with 502 upstream_too_large, caching nothing", async () => {
      const before = await tooLargeCount();
      await fault({ pathPattern: "/api/v1/tags", mode: "oversized", sizeBytes: 30 * 1024 * 1024 });
      const answer = await get("/api/klink/v1/tags");
      expect(answer.status).toBe(502);
      expect(answer.json).toMatchObject({ code: "upstream_too_large" });
      // Not retried (not transient), counted once.
      expect((await tooLargeCount()) - before).toBe(1);
      await f.control("DELETE", "faults");
      expect((await get("/api/klink/v1/tags")).headers.get("x-cache")).toBe("MISS");
    });

    it("serves the stale entry when a refresh answers 30 MB", async () => {
      expect((await get("/api/klink/v1/tags")).headers.get("x-cache")).toBe("MISS");
      await fault({ pathPattern: "/api/v1/tags", mode: "oversized", sizeBytes: 30 * 1024 * 1024 });
      laterBy(1000); // past TTL and stale-while-revalidate, inside stale-if-error
      const answer = await get("/api/klink/v1/tags");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-cache")).toBe("STALE");
      expect(answer.headers.get("x-cache-stale-reason")).toBe("upstream_error");
    });

    for (const [what, spec] of [
      ["a 200 HTML page", { mode: "html" }],
      ["a 502 HTML page from a gateway", { mode: "html", status: 502 }],
      ["a 403 HTML page from a firewall", { mode: "html", status: 403 }],
      ["a 200 JSON body cut off mid-way", { mode: "malformed" }],
    ] as const) {
      it(`serves the stale entry when a refresh gets ${what}`, async () => {
        expect((await get("/api/klink/v1/tags")).status).toBe(200);
        await fault({ pathPattern: "/api/v1/tags", ...spec });
        laterBy(1000);
        const answer = await get("/api/klink/v1/tags");
        expect(answer.status).toBe(200);
        expect(answer.headers.get("x-cache")).toBe("STALE");
      });
    }

    it("still passes on K-LINK's own JSON 404 (an answer, not a failure)", async () => {
      expect((await get("/api/klink/v1/tags")).status).toBe(200);
      await fault({ pathPattern: "/api/v1/tags", status: 404 });
      laterBy(1000);
      expect((await get("/api/klink/v1/tags")).status).toBe(404);
    });
  }
});
