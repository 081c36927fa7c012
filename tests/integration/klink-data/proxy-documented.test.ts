// The console against a K-LINK that answers exactly what the docs print (tests/helpers/
// documented-klink.ts): every example flows through the typed client and the proxy without an
// error and without losing a field, every read answers 200 with the stand-in's body unchanged,
// and a write K-LINK acknowledges is a success — a ticket create answers 201, once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { flushDrift, resetDriftRecorder } from "../../../lib/drift/record-drift";
import { createKlinkClient } from "../../../lib/klink/client";
import { endpoints, endpointNames, type EndpointName, type KlinkCallInput } from "../../../lib/klink/registry";
import {
  DOCUMENTED_ANSWERS,
  fixtureText,
  startDocumentedKlink,
  type DocumentedKlink,
} from "../../helpers/documented-klink";
import { fixture } from "../../helpers/klink-docs";
import { resetDatabase, testDb } from "../../helpers/db";
import { PROXY_DOORS, SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  let f: ProxyFixture;
  let standIn: DocumentedKlink;
  let connectionId: string;

  beforeAll(async () => {
    await resetDatabase();
    await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
    f = await startProxyFixture({ door });
    standIn = await startDocumentedKlink();
    connectionId = await f.addConnection(`documented-${Date.now()}`, standIn.url);
  });
  beforeEach(async () => {
    await testDb().auditLog.deleteMany();
    standIn.requests.length = 0;
  });
  afterAll(async () => {
    await standIn?.stop();
    await f?.stop();
    await setCache(undefined);
  });

  /** A valid call to each endpoint, with the documented ids and request bodies where the docs have them. */
  const CONTACT = "c786bb40-a58e-4d60-afe6-061e2b819811";
  const cxLogRequest = fixture<{ query: Record<string, string>; headers: Record<string, string> }>(
    "cx-logs-list.request.json",
  );
  const calls: Record<EndpointName, KlinkCallInput> = {
    "contacts.list": { query: { page: 1, pageSize: 10 } },
    "contacts.create": { body: { name: "FrankMcCallister" } },
    "contacts.bySocialId": { params: { socialPlatformId: "PSID-1029384756" } },
    "contacts.fields": {},
    "contacts.get": { params: { id: CONTACT } },
    "contacts.update": { params: { id: CONTACT }, body: { notes: "Prefers e-mail" } },
    "contacts.delete": { params: { id: CONTACT } },
    "contacts.groups": {},
    "contacts.updateTags": { params: { id: CONTACT }, body: fixture("contacts-update-tags.body.json") },
    "tags.list": {},
    "channels.list": {},
    "channels.create": { body: { name: "Desk", type: "custom" } },
    "tickets.list": {},
    "tickets.create": { body: fixture("tickets-create.body.json") },
    "tickets.byContact": { params: { contactId: CONTACT } },
    "tickets.fields": {},
    "tickets.update": { params: { id: "string" }, body: { priority: "high" } },
    "tickets.updateStatus": { params: { id: "string" }, body: { status: "open" } },
    "categories.list": {},
    "cxLogs.list": cxLogRequest,
    "messages.send": { body: fixture("messages-send.body.json") },
  };

  /** The console's path of a call: K-LINK's path after /api, under /api/klink. */
  function consolePath(name: EndpointName, input: KlinkCallInput): string {
    const path = endpoints[name].path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(input.params![p]));
    const query = new URLSearchParams(Object.entries(input.query ?? {}).map(([k, v]) => [k, String(v)]));
    return `/api/klink${path.slice("/api".length)}${query.size ? `?${query}` : ""}`;
  }

  describe("the documented examples through the typed client", () => {
    it.each(endpointNames)("%s: the documented answer comes back whole, with no error", async (name) => {
      const client = createKlinkClient({ baseUrl: standIn.url, token: SIM_TOKEN });
      const result = await client.call(name, calls[name]);
      const answer = DOCUMENTED_ANSWERS[name];
      expect(result.status).toBe(answer.status);
      expect(result.data).toEqual(JSON.parse(fixtureText(answer.file)));
      // The registry describes every documented example exactly; borrowed ones may differ, as drift.
      if (answer.documented) expect(result.drift).toEqual([]);
    });
  });

  describe("the documented examples through the proxy", () => {
    const reads = endpointNames.filter((name) => endpoints[name].method === "GET");
    const writes = endpointNames.filter((name) => endpoints[name].method !== "GET");

    it.each(reads)("%s answers 200 with the stand-in's body unchanged", async (name) => {
      const answer = await f.call("GET", consolePath(name, calls[name]), {
        as: "viewer",
        headers: { "x-klink-connection": connectionId, ...calls[name].headers },
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(JSON.parse(fixtureText(DOCUMENTED_ANSWERS[name].file)));
    });

    it.each(writes)("%s answers K-LINK's status and body, audited as a success", async (name) => {
      const answer = await f.call(endpoints[name].method, consolePath(name, calls[name]), {
        as: "admin",
        body: calls[name].body,
        headers: { "x-klink-connection": connectionId },
      });
      expect(answer.status).toBe(DOCUMENTED_ANSWERS[name].status);
      expect(answer.json).toEqual(JSON.parse(fixtureText(DOCUMENTED_ANSWERS[name].file)));
      const [row] = await testDb().auditLog.findMany();
      expect(row).toMatchObject({ outcome: "success", upstreamStatus: answer.status, connectionId });
    });

    it("creates a ticket with one call to K-LINK: 201 with the verbatim page's answer, and the lists it affects re-read", async () => {
      const list = () =>
        f.call("GET", "/api/klink/v1/tickets", { as: "viewer", headers: { "x-klink-connection": connectionId } });
      await list();
      expect((await list()).headers.get("x-cache")).toBe("HIT");

      const created = await f.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        body: fixture("tickets-create.body.json"),
        headers: { "x-klink-connection": connectionId },
      });
      expect(created.status).toBe(201);
      expect(created.json).toEqual(fixture("tickets-create.response.json"));
      expect(standIn.requests.filter((r) => r.method === "POST")).toEqual([
        { method: "POST", path: "/api/v1/tickets", endpoint: "tickets.create" },
      ]);
      expect((await list()).headers.get("x-cache")).toBe("MISS");
    });

    it("takes a write K-LINK acknowledged with a body that is not JSON as done: its status and text, audited, the lists re-read", async () => {
      const onSimulator = { "x-klink-connection": f.connectionId };
      const list = () => f.call("GET", "/api/klink/v1/channels", { as: "viewer", headers: onSimulator });
      await list();
      expect((await list()).headers.get("x-cache")).toBe("HIT");
      await f.control("POST", "faults", {
        pathPattern: "/api/v1/channels",
        method: "POST",
        mode: "malformed",
        count: 1,
      });
      const created = await f.call("POST", "/api/klink/v1/channels", {
        as: "admin",
        body: { name: "Desk", type: "custom" },
        headers: onSimulator,
      });
      expect(created.status).toBe(200);
      expect(created.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(created.text).toBe('{"total": 3, "page": 1, "data": [{"id": "');
      const [row] = await testDb().auditLog.findMany({ where: { action: "channel.create" } });
      expect(row).toMatchObject({ outcome: "success", status: 200, upstreamStatus: 200 });
      expect((await list()).headers.get("x-cache")).toBe("MISS");
    });

    it("reads the older CX log example too, which the registry describes as well: no drift recorded", async () => {
      resetDriftRecorder();
      standIn.answerWith("cxLogs.list", "cx-logs-list-old.response.json");
      try {
        const answer = await f.call("GET", `${consolePath("cxLogs.list", cxLogRequest)}&page=2`, {
          as: "viewer",
          headers: { "x-klink-connection": connectionId, ...cxLogRequest.headers },
        });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual(fixture("cx-logs-list-old.response.json"));
        await flushDrift();
        // Earlier tests' borrowed answers may have left drift of other endpoints (written when their flush timer fired).
        expect(await testDb().klinkDrift.count({ where: { connectionId, endpoint: "cxLogs.list" } })).toBe(0);
      } finally {
        standIn.answerWith("cxLogs.list", DOCUMENTED_ANSWERS["cxLogs.list"].file);
      }
    });
  });
});
