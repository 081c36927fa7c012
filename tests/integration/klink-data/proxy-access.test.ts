// Who may call which K-LINK endpoint through the console, and how requests are checked before
// anything reaches K-LINK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAtLeast, ROLES } from "../../../lib/identity/roles";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { endpointNames, endpoints } from "../../../lib/klink/registry";
import { resetDatabase } from "../../helpers/db";
import { samples, seedIds } from "../../helpers/endpoint-samples";
import { PROXY_DOORS, SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  let f: ProxyFixture;
  let seeds: Awaited<ReturnType<typeof seedIds>>;

  beforeAll(async () => {
    await resetDatabase();
    await setCache(new MemoryCache({ maxSizeBytes: 32 * 1024 * 1024 }));
    f = await startProxyFixture({ door });
    seeds = await seedIds(f);
  });
  afterAll(async () => {
    // Every answer of this file, errors included: the connection's token never appears.
    for (const text of f.seen) expect(text).not.toContain(SIM_TOKEN);
    await f.stop();
    await setCache(undefined);
  });

  type RequestLogEntry = {
    endpoint: string | null;
    status: number | null;
    query: Record<string, string>;
    headers: Record<string, string>;
  };
  const simRequests = async () => (await f.control<{ data: RequestLogEntry[] }>("GET", "requests")).data;

  describe("the role matrix, for every registry endpoint", () => {
    for (const name of endpointNames) {
      const def = endpoints[name];
      for (const role of ROLES) {
        const allowed = roleAtLeast(role, def.role);
        it(`${name} (${def.method}, needs ${def.role}) is ${allowed ? "allowed" : "refused"} for a ${role}`, async () => {
          const sample = await samples[name](f, seeds);
          const before = (await simRequests()).length;
          const answer = await f.call(sample.method, sample.path, {
            as: role,
            body: sample.body,
            headers: sample.headers,
          });
          if (allowed) {
            expect(answer.status, answer.text).toBe(def.successStatus);
          } else {
            expect(answer.status).toBe(403);
            expect(answer.json).toMatchObject({ status: "error", code: "forbidden" });
            expect((await simRequests()).length).toBe(before);
          }
        });
      }
    }
  });

  describe("authentication and the same-origin check", () => {
    it("refuses a caller without a session or API key", async () => {
      const answer = await f.call("GET", "/api/klink/v1/tags", { via: "none" });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ status: "error", code: "unauthorized", requestId: expect.any(String) });
    });

    it("lets a signed-in browser read with its session cookie", async () => {
      expect((await f.call("GET", "/api/klink/v1/tags", { via: "session", as: "viewer" })).status).toBe(200);
    });

    it("refuses a cookie-authenticated write from another origin, or with no origin at all", async () => {
      const sample = await samples["tickets.update"](f, seeds);
      const before = (await simRequests()).length;
      for (const origin of ["https://evil.example", null]) {
        const answer = await f.call("PATCH", sample.path, { via: "session", as: "agent", body: sample.body, origin });
        expect(answer.status).toBe(403);
        expect(answer.json).toMatchObject({ code: "cross_origin" });
      }
      expect((await simRequests()).length).toBe(before);
    });

    it("accepts the same write from the console's own origin, and from an API key without any origin", async () => {
      const sample = await samples["tickets.update"](f, seeds);
      expect((await f.call("PATCH", sample.path, { via: "session", as: "agent", body: sample.body })).status).toBe(200);
      expect((await f.call("PATCH", sample.path, { via: "key", as: "agent", body: sample.body })).status).toBe(200);
    });
  });

  describe("validation before K-LINK", () => {
    it("answers 400 with field errors and sends nothing to K-LINK", async () => {
      const before = (await simRequests()).length;
      const answer = await f.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        body: { title: "", contact_id: seeds.contactId, customFields: { cf_date: "23/10/2025", nope: 1 } },
      });
      expect(answer.status).toBe(400);
      const body = answer.json as { code: string; fields: Record<string, string[]> };
      expect(body.code).toBe("validation_failed");
      expect(Object.keys(body.fields).some((k) => k.startsWith("body."))).toBe(true);
      const page = await f.call("GET", "/api/klink/v1/tickets?pageSize=1000", { as: "viewer" });
      expect(page.status).toBe(400);
      expect(Object.keys((page.json as { fields: object }).fields)).toContain("query.pageSize");
      expect((await simRequests()).length).toBe(before);
    });

    it("refuses a body that is not JSON", async () => {
      const answer = await f.call("POST", "/api/klink/v1/contacts", {
        as: "agent",
        rawBody: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ code: "invalid_json" });
    });

    it("requires the CX logs time-zone header, as K-LINK does", async () => {
      const answer = await f.call(
        "GET",
        `/api/klink/v1/cx-logs?selectedDate=${encodeURIComponent("2026/01/01 00:00:00-2026/01/07 23:59:59")}`,
        { as: "viewer" },
      );
      expect(answer.status).toBe(400);
      expect(Object.keys((answer.json as { fields: object }).fields)).toContain("headers.x-client-timezone");
    });

    it("answers 404 for a path K-LINK does not have and 405 for a known path with another method", async () => {
      expect((await f.call("GET", "/api/klink/v1/nothing-here", { as: "viewer" })).status).toBe(404);
      const wrongMethod = await f.call("PUT", "/api/klink/v1/tags", { as: "admin", body: {} });
      expect(wrongMethod.status).toBe(405);
    });
  });

  describe("K-LINK's answers", () => {
    it("mirrors K-LINK's envelope and status, with the connection named", async () => {
      const answer = await f.call("GET", "/api/klink/v1/contacts?page=2&pageSize=3", { as: "viewer" });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        page: 2,
        pageSize: 3,
        total: expect.any(Number),
        lastPage: expect.any(Number),
        data: expect.any(Array),
      });
      expect(answer.headers.get("x-klink-connection")).toBe(f.connectionId);
      const created = await f.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        body: (await samples["tickets.create"](f, seeds)).body,
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ success: true, data: { id: expect.any(String) } });
    });

    it("passes K-LINK's own 404 on with its status and body", async () => {
      const answer = await f.call("GET", "/api/klink/v1/contacts/00000000-0000-4000-8000-000000000000", {
        as: "viewer",
      });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ status: "error", data: null });
    });
  });

  describe("choosing the connection", () => {
    it("uses ?connection= or the x-klink-connection header, and never forwards the parameter", async () => {
      const second = await f.addConnection(`second-${Date.now()}`, f.sim.url);
      const byQuery = await f.call("GET", `/api/klink/v1/tags?connection=${second}`, { as: "viewer" });
      expect(byQuery.headers.get("x-klink-connection")).toBe(second);
      const byHeader = await f.call("GET", "/api/klink/v1/tags", {
        as: "viewer",
        headers: { "x-klink-connection": second },
      });
      expect(byHeader.headers.get("x-klink-connection")).toBe(second);
      const log = await simRequests();
      expect(log.every((r) => !("connection" in r.query))).toBe(true);
    });

    it("answers 404 for a connection that does not exist", async () => {
      const answer = await f.call("GET", "/api/klink/v1/tags", {
        as: "viewer",
        headers: { "x-klink-connection": "no-such-connection" },
      });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ status: "error", code: "not_found" });
    });

    it("calls K-LINK with the connection's token and our own headers, not the caller's", async () => {
      const answer = await f.call("GET", "/api/klink/v1/categories", {
        as: "admin",
        via: "session",
        headers: { "cache-control": "no-cache", "user-agent": "caller-browser" },
      });
      expect(answer.status).toBe(200);
      const last = (await simRequests()).at(-1)!;
      // The simulator accepts only SIM_TOKEN: an answered request proves it was sent.
      expect(last).toMatchObject({ endpoint: "categories.list", status: 200 });
      expect(last.headers["user-agent"]).toBe("klink-console");
      expect(last.headers["x-request-id"]).toBe(answer.headers.get("x-request-id"));
    });
  });
});
