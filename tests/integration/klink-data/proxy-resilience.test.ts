// The console in front of a K-LINK in trouble: stale answers, retries, the circuit breaker, 429s,
// timeouts and unreachable hosts, each an error of our own shape that names no internal host.
// On the in-memory cache and on real Redis (tests/helpers/redis-for-tests.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { resetEnvCache } from "../../../lib/env";
import { resetDatabase } from "../../helpers/db";
import { backends, type Backend } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";
import { PROXY_DOORS, SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  afterAll(deleteTestKeys);

  for (const backend of backends) {
    describe.skipIf(backend.skip)(`the proxy in front of a K-LINK in trouble, on the ${backend.name} cache`, () =>
      suite(backend),
    );
  }

  function suite(backend: Backend) {
    let f: ProxyFixture;
    let conn: string;

    beforeAll(async () => {
      await resetDatabase();
      f = await startProxyFixture({ door });
    });
    beforeEach(async () => {
      await setCache(backend.create());
      await f.control("POST", "reset");
      // A fresh connection per test: its circuit breaker starts closed.
      conn = await f.addConnection(`resilience-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, f.sim.url);
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    afterAll(async () => {
      for (const text of f.seen) {
        expect(text).not.toContain(SIM_TOKEN);
        expect(text).not.toContain(new URL(f.sim.url).host);
        expect(text).not.toMatch(/\n\s+at /); // no stack trace
      }
      await f.stop();
      await setCache(undefined);
    });

    const get = (path: string, headers: Record<string, string> = {}) =>
      f.call("GET", path, { as: "viewer", headers: { "x-klink-connection": conn, ...headers } });
    const fault = (spec: Record<string, unknown>) => f.control("POST", "faults", spec);
    const upstream = async (endpoint: string) =>
      (await f.control<Record<string, number>>("GET", "counters"))[endpoint] ?? 0;
    const ourError = (code: string) => ({
      status: "error",
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });

    /** Moves the wall clock on (only Date: timers stay real), as if `seconds` had passed. */
    function laterBy(seconds: number) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + seconds * 1000);
    }

    describe("stale answers while K-LINK fails", () => {
      it("serves a recently read page of tickets as STALE while K-LINK answers 503s", async () => {
        expect((await get("/api/klink/v1/tickets?pageSize=20")).headers.get("x-cache")).toBe("MISS");
        await fault({ pathPattern: "/api/v1/tickets", status: 503 });
        laterBy(100); // past TTL and stale-while-revalidate, inside stale-if-error
        const answer = await get("/api/klink/v1/tickets?pageSize=20");
        expect(answer.status).toBe(200);
        expect(answer.headers.get("x-cache")).toBe("STALE");
        expect(answer.headers.get("x-cache-stale-reason")).toBe("upstream_error");
        expect(Number(answer.headers.get("age"))).toBeGreaterThanOrEqual(100);
        expect((answer.json as { data: unknown[] }).data).toHaveLength(20);
      });

      it("serves STALE at once within stale-while-revalidate and refreshes in the background", async () => {
        await get("/api/klink/v1/tickets?pageSize=5");
        laterBy(20);
        const answer = await get("/api/klink/v1/tickets?pageSize=5");
        expect(answer.headers.get("x-cache")).toBe("STALE");
        expect(answer.headers.get("x-cache-stale-reason")).toBe("revalidating");
        await vi.waitFor(async () => expect(await upstream("tickets.list")).toBe(2), { timeout: 5_000 });
        expect((await get("/api/klink/v1/tickets?pageSize=5")).headers.get("x-cache")).toBe("HIT");
      });

      it("answers 502 when nothing was cached, after retrying", async () => {
        await fault({ pathPattern: "/api/v1/tags", status: 503 });
        const answer = await get("/api/klink/v1/tags");
        expect(answer.status).toBe(502);
        expect(answer.json).toEqual(ourError("upstream_error"));
        expect(await upstream("tags.list")).toBe(3);
      });
    });

    describe("retries", () => {
      it("retries a GET through passing 503s and answers normally", async () => {
        await fault({ pathPattern: "/api/v1/categories", status: 503, count: 2 });
        const answer = await get("/api/klink/v1/categories");
        expect(answer.status).toBe(200);
        expect(await upstream("categories.list")).toBe(3);
      });

      it("retries a GET after a connection reset", async () => {
        await fault({ pathPattern: "/api/v1/channels", mode: "reset", count: 1 });
        expect((await get("/api/klink/v1/channels")).status).toBe(200);
      });

      it("never retries K-LINK's 4xx nor a write", async () => {
        await get("/api/klink/v1/contacts/00000000-0000-4000-8000-000000000000");
        expect(await upstream("contacts.get")).toBe(1);
        await fault({ pathPattern: "/api/v1/contacts", method: "POST", status: 503 });
        const write = await f.call("POST", "/api/klink/v1/contacts", {
          as: "agent",
          body: { name: "Nobody" },
          headers: { "x-klink-connection": conn },
        });
        expect(write.status).toBe(502);
        expect(await upstream("contacts.create")).toBe(1);
      });
    });

    describe("the circuit breaker", () => {
      const requestCount = async () => (await f.control<{ data: unknown[] }>("GET", "requests")).data.length;
      /** Five consecutive faults open the circuit: two reads of three attempts each. */
      async function breakCircuit() {
        await fault({ pathPattern: "/api/v1/**", status: 503 });
        await get("/api/klink/v1/tags?page=1");
        await get("/api/klink/v1/tags?page=2");
      }

      it("opens after repeated faults: 503 with Retry-After, and K-LINK is left alone", async () => {
        await breakCircuit();
        const before = await requestCount();
        const answer = await get("/api/klink/v1/tags?page=3");
        expect(answer.status).toBe(503);
        expect(answer.json).toEqual(ourError("circuit_open"));
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(answer.headers.get("retry-after"))).toBeLessThanOrEqual(10);
        expect(await requestCount()).toBe(before);
      });

      it("keeps another connection working", async () => {
        await breakCircuit();
        await f.control("DELETE", "faults");
        expect((await get("/api/klink/v1/tags?page=4")).json).toEqual(ourError("circuit_open"));
        const other = await f.addConnection(`healthy-${Date.now()}`, f.sim.url);
        expect(
          (await f.call("GET", "/api/klink/v1/tags", { as: "viewer", headers: { "x-klink-connection": other } }))
            .status,
        ).toBe(200);
      });

      it("serves a cached page as STALE while the circuit is open; only the breaker's one trial call reaches K-LINK", async () => {
        await get("/api/klink/v1/tickets?pageSize=4");
        await breakCircuit();
        laterBy(100); // the entry is past its TTL, and the breaker's pause (10 s) is over: one trial
        const before = await requestCount();
        const answer = await get("/api/klink/v1/tickets?pageSize=4");
        expect(answer.status).toBe(200);
        expect(answer.headers.get("x-cache")).toBe("STALE");
        expect(await requestCount()).toBe(before + 1);
        expect((await get("/api/klink/v1/tickets?pageSize=4")).headers.get("x-cache")).toBe("STALE");
        expect(await requestCount()).toBe(before + 1);
      });
    });

    describe("rate limits, timeouts and unreachable hosts", () => {
      it("waits out a short Retry-After and retries once", async () => {
        await fault({ pathPattern: "/api/v1/contacts/groups", status: 429, retryAfterSeconds: 1, count: 1 });
        const answer = await get("/api/klink/v1/contacts/groups");
        expect(answer.status).toBe(200);
        expect(await upstream("contacts.groups")).toBe(2);
      });

      it("passes a long Retry-After on as 429 with Retry-After, without waiting", async () => {
        await fault({ pathPattern: "/api/v1/contacts/fields", status: 429, retryAfterSeconds: 120 });
        const answer = await get("/api/klink/v1/contacts/fields");
        expect(answer.status).toBe(429);
        expect(answer.headers.get("retry-after")).toBe("120");
        expect(answer.json).toEqual(ourError("upstream_rate_limited"));
        expect(await upstream("contacts.fields")).toBe(1);
      });

      it("answers 504 when K-LINK does not answer within the timeout", async () => {
        process.env.KLINK_TIMEOUT_MS = "300";
        resetEnvCache();
        try {
          await fault({ pathPattern: "/api/v1/tickets/fields", mode: "hang" });
          const answer = await get("/api/klink/v1/tickets/fields");
          expect(answer.status).toBe(504);
          expect(answer.json).toEqual(ourError("upstream_timeout"));
        } finally {
          delete process.env.KLINK_TIMEOUT_MS;
          resetEnvCache();
        }
      });

      it("answers 502 when K-LINK cannot be reached", async () => {
        const dead = await f.addConnection(`dead-${Date.now()}`, "http://127.0.0.1:9");
        const answer = await f.call("GET", "/api/klink/v1/tags", {
          as: "viewer",
          headers: { "x-klink-connection": dead },
        });
        expect(answer.status).toBe(502);
        expect(answer.json).toEqual(ourError("upstream_unreachable"));
        expect(answer.text).not.toContain("127.0.0.1:9");
      });

      it("answers 502 when K-LINK's answer is not what it documents", async () => {
        await fault({ pathPattern: "/api/v1/categories", mode: "malformed" });
        const answer = await get("/api/klink/v1/categories");
        expect(answer.status).toBe(502);
        expect(answer.json).toEqual(ourError("upstream_bad_response"));
      });

      it("answers 502 when K-LINK refuses the connection's token, not 401 as if the caller were signed out", async () => {
        const badToken = await f.addConnection(`bad-token-${Date.now()}`, f.sim.url);
        const { db } = await import("../../../lib/db/client");
        const { encryptSecret } = await import("../../../lib/crypto/secret-box");
        const { forgetCachedConnections } = await import("../../../lib/connections/connection-cache");
        await db().klinkConnection.update({
          where: { id: badToken },
          data: { tokenCiphertext: encryptSecret("kpt_revoked0000000000") },
        });
        forgetCachedConnections();
        const answer = await f.call("GET", "/api/klink/v1/tags", {
          as: "viewer",
          headers: { "x-klink-connection": badToken },
        });
        expect(answer.status).toBe(502);
        expect(answer.json).toEqual(ourError("upstream_auth_failed"));
        expect(answer.text).not.toContain("kpt_revoked");
      });
    });
  }
});
