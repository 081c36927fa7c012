// Caching through the proxy, on the in-memory cache and on real Redis: x-cache and age,
// order-insensitive keys, one upstream call for concurrent misses, invalidation by every kind of
// write, and the admin's no-cache.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { resetDatabase } from "../../helpers/db";
import { backends } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";
import { samples, seedIds } from "../../helpers/endpoint-samples";
import { PROXY_DOORS, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  afterAll(deleteTestKeys);

  for (const backend of backends) {
    describe.skipIf(backend.skip)(`the proxy on the ${backend.name} cache`, () => {
      let f: ProxyFixture;
      let seeds: Awaited<ReturnType<typeof seedIds>>;
      const counters = () => f.control<Record<string, number>>("GET", "counters");
      const upstreamCalls = async (endpoint: string) => (await counters())[endpoint] ?? 0;

      beforeAll(async () => {
        await resetDatabase();
        await setCache(backend.create());
        f = await startProxyFixture({ door });
        seeds = await seedIds(f);
      });
      beforeEach(async () => {
        await f.control("POST", "reset");
      });
      afterAll(async () => {
        await f.stop();
        await setCache(undefined);
      });

      it("answers MISS, then HIT with an age, whatever the order of the query parameters", async () => {
        const first = await f.call("GET", "/api/klink/v1/contacts?page=3&pageSize=7&keyword=", { as: "viewer" });
        expect(first.headers.get("x-cache")).toBe("MISS");
        expect(first.headers.get("age")).toBe("0");
        const second = await f.call("GET", "/api/klink/v1/contacts?pageSize=7&page=3", { as: "viewer" });
        expect(second.headers.get("x-cache")).toBe("HIT");
        expect(Number(second.headers.get("age"))).toBeGreaterThanOrEqual(0);
        expect(second.text).toBe(first.text);
        expect(await upstreamCalls("contacts.list")).toBe(1);
      });

      it("passes query parameters the registry does not know on to K-LINK, every time: such reads are not cached", async () => {
        const first = await f.call(
          "GET",
          "/api/klink/v1/tickets?pageSize=3&sort=-createdAt&assignee=me&assignee=team",
          {
            as: "viewer",
          },
        );
        expect(first.status).toBe(200);
        expect(first.headers.get("x-cache")).toBeNull();
        const reached = async (endpoint: string) =>
          (await f.control<{ data: { query: Record<string, string> }[] }>("GET", `requests?endpoint=${endpoint}`)).data;
        const tickets = await reached("tickets.list");
        expect(tickets).toHaveLength(1);
        expect(tickets[0].query).toMatchObject({ pageSize: "3", sort: "-createdAt" });
        expect(tickets[0].query.assignee).toBeDefined();

        // The same read again goes to K-LINK again (README "Limits and abuse": a flood of distinct
        // query strings must not grow the cache).
        const again = await f.call(
          "GET",
          "/api/klink/v1/tickets?assignee=me&assignee=team&sort=-createdAt&pageSize=3",
          {
            as: "viewer",
          },
        );
        expect(again.headers.get("x-cache")).toBeNull();
        expect(await reached("tickets.list")).toHaveLength(2);
        // On an endpoint that declares no query parameters too; `connection` is the console's own.
        await f.call("GET", `/api/klink/v1/categories?depth=2&connection=${f.connectionId}`, { as: "viewer" });
        expect((await reached("categories.list")).map((r) => r.query)).toEqual([{ depth: "2" }]);
        expect(
          (await f.call("GET", "/api/klink/v1/categories?depth=2", { as: "viewer" })).headers.get("x-cache"),
        ).toBeNull();
        expect((await f.call("GET", "/api/klink/v1/categories", { as: "viewer" })).headers.get("x-cache")).toBe("MISS");
        expect((await f.call("GET", "/api/klink/v1/categories", { as: "viewer" })).headers.get("x-cache")).toBe("HIT");
      });

      it("still validates the known query parameters", async () => {
        const answer = await f.call("GET", "/api/klink/v1/tickets?pageSize=500&sort=x", { as: "viewer" });
        expect(answer.status).toBe(400);
        expect(Object.keys((answer.json as { fields: object }).fields)).toEqual(["query.pageSize"]);
        expect(await upstreamCalls("tickets.list")).toBe(0);
      });

      it("keeps connections apart: the same query on another connection is a MISS", async () => {
        const other = await f.addConnection(`other-${Date.now()}-${backend.name.slice(0, 5)}`, f.sim.url);
        await f.call("GET", "/api/klink/v1/categories", { as: "viewer" });
        const answer = await f.call("GET", `/api/klink/v1/categories?connection=${other}`, { as: "viewer" });
        expect(answer.headers.get("x-cache")).toBe("MISS");
      });

      it("keys CX logs by time zone", async () => {
        const path = `/api/klink/v1/cx-logs?selectedDate=${encodeURIComponent("2026/01/01 00:00:00-2026/01/07 23:59:59")}`;
        await f.call("GET", path, { as: "viewer", headers: { "x-client-timezone": "Asia/Bangkok" } });
        const yangon = await f.call("GET", path, { as: "viewer", headers: { "x-client-timezone": "Asia/Yangon" } });
        expect(yangon.headers.get("x-cache")).toBe("MISS");
      });

      it("makes ONE call to K-LINK for 200 concurrent identical cold requests", async () => {
        await f.control("POST", "faults", { pathPattern: "/api/v1/tickets", method: "GET", latencyMs: 100 });
        const answers = await Promise.all(
          Array.from({ length: 200 }, () => f.call("GET", "/api/klink/v1/tickets?page=4&pageSize=9", { as: "viewer" })),
        );
        expect(answers.every((a) => a.status === 200)).toBe(true);
        expect(new Set(answers.map((a) => a.text)).size).toBe(1);
        expect(await upstreamCalls("tickets.list")).toBe(1);
      });

      it("bypasses the cache for an admin's cache-control: no-cache, and only for an admin", async () => {
        await f.call("GET", "/api/klink/v1/tags", { as: "viewer" });
        const viewer = await f.call("GET", "/api/klink/v1/tags", {
          as: "viewer",
          headers: { "cache-control": "no-cache" },
        });
        expect(viewer.headers.get("x-cache")).toBe("HIT");
        const admin = await f.call("GET", "/api/klink/v1/tags", {
          as: "admin",
          headers: { "cache-control": "no-cache" },
        });
        expect(admin.headers.get("x-cache")).toBe("BYPASS");
        expect(await upstreamCalls("tags.list")).toBe(2);
      });

      /** Reads `paths` (MISS), runs the write, and returns the x-cache each path answers afterwards. */
      async function afterWrite(paths: string[], write: () => Promise<{ status: number }>): Promise<string[]> {
        for (const path of paths) await f.call("GET", path, { as: "viewer" });
        for (const path of paths)
          expect((await f.call("GET", path, { as: "viewer" })).headers.get("x-cache")).toBe("HIT");
        const result = await write();
        expect(result.status).toBeLessThan(300);
        return Promise.all(
          paths.map(async (path) => (await f.call("GET", path, { as: "viewer" })).headers.get("x-cache") ?? ""),
        );
      }

      it("creating a ticket invalidates ticket lists and that contact's tickets, not the tags", async () => {
        const sample = await samples["tickets.create"](f, seeds);
        const states = await afterWrite(
          [
            "/api/klink/v1/tickets?pageSize=3",
            `/api/klink/v1/tickets/contact/${seeds.contactId}`,
            "/api/klink/v1/tags",
          ],
          () => f.call("POST", sample.path, { as: "agent", body: sample.body }),
        );
        expect(states).toEqual(["MISS", "MISS", "HIT"]);
      });

      it("updating a ticket, or its status, invalidates the ticket lists", async () => {
        for (const name of ["tickets.update", "tickets.updateStatus"] as const) {
          const sample = await samples[name](f, seeds);
          const states = await afterWrite(["/api/klink/v1/tickets?pageSize=2"], () =>
            f.call(sample.method, sample.path, { as: "agent", body: sample.body }),
          );
          expect(states).toEqual(["MISS"]);
        }
      });

      it("updating a contact, or its tags, invalidates its detail and the contact lists", async () => {
        for (const name of ["contacts.update", "contacts.updateTags"] as const) {
          const sample = await samples[name](f, seeds);
          const states = await afterWrite(
            [
              `/api/klink/v1/contacts/${seeds.contactId}`,
              "/api/klink/v1/contacts?pageSize=2",
              "/api/klink/v1/categories",
            ],
            () => f.call(sample.method, sample.path, { as: "agent", body: sample.body }),
          );
          expect(states).toEqual(["MISS", "MISS", "HIT"]);
        }
      });

      it("creating or deleting a contact invalidates the contact lists", async () => {
        const create = await samples["contacts.create"](f, seeds);
        expect(
          await afterWrite(["/api/klink/v1/contacts?pageSize=4"], () =>
            f.call("POST", create.path, { as: "agent", body: create.body }),
          ),
        ).toEqual(["MISS"]);
        const del = await samples["contacts.delete"](f, seeds);
        expect(
          await afterWrite(["/api/klink/v1/contacts?pageSize=4"], () => f.call("DELETE", del.path, { as: "admin" })),
        ).toEqual(["MISS"]);
      });

      it("creating a channel invalidates the channel list", async () => {
        const sample = await samples["channels.create"](f, seeds);
        expect(
          await afterWrite(["/api/klink/v1/channels", "/api/klink/v1/tags"], () =>
            f.call("POST", sample.path, { as: "admin", body: sample.body }),
          ),
        ).toEqual(["MISS", "HIT"]);
      });

      it("sending a message invalidates the CX logs", async () => {
        const sample = await samples["messages.send"](f, seeds);
        const cx = await samples["cxLogs.list"](f, seeds);
        await f.call("GET", cx.path, { as: "viewer", headers: cx.headers });
        expect((await f.call("GET", cx.path, { as: "viewer", headers: cx.headers })).headers.get("x-cache")).toBe(
          "HIT",
        );
        await f.call("POST", sample.path, { as: "agent", body: sample.body });
        expect((await f.call("GET", cx.path, { as: "viewer", headers: cx.headers })).headers.get("x-cache")).toBe(
          "MISS",
        );
      });

      it("a failed write invalidates nothing", async () => {
        await f.control("POST", "faults", { pathPattern: "/api/v1/tickets/*", method: "PATCH", status: 422 });
        const sample = await samples["tickets.update"](f, seeds);
        await f.call("GET", "/api/klink/v1/tickets?pageSize=6", { as: "viewer" });
        expect((await f.call("PATCH", sample.path, { as: "agent", body: sample.body })).status).toBe(422);
        expect((await f.call("GET", "/api/klink/v1/tickets?pageSize=6", { as: "viewer" })).headers.get("x-cache")).toBe(
          "HIT",
        );
      });
    });
  }
});
