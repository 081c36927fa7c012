// Collision warnings: before a reply or an edit, a page asks what someone else changed on its
// records since it loaded. Changes come from the console's own writes (through the proxy, with
// who made them) and from K-LINK's webhooks (posted by the simulator over a real socket); K-LINK's
// echo of a console write is not reported twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as collisions } from "../../../app/api/collisions/route";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { jsonRequest } from "../../helpers/auth";
import { resetDatabase, testDb } from "../../helpers/db";
import { startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";
import { waitUntil } from "../../helpers/simulator-harness";

const SECRET = "whsec_collisions_0123456789abc";
let f: ProxyFixture;
let served: ServedHandlers;
let ticket: { id: string; contactId: string };

beforeAll(async () => {
  await resetDatabase();
  await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
  f = await startProxyFixture({ webhookSecret: SECRET });
  served = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
  await f.control("POST", "webhooks/targets", {
    url: `${served.url}/api/webhooks/klink/${f.connectionId}`,
    secret: SECRET,
  });
  ticket = ((await f.call("GET", "/api/klink/v1/tickets?pageSize=1")).json as { data: (typeof ticket)[] }).data[0];
});
beforeEach(async () => {
  await webhookProcessor().idle();
  await testDb().recordChange.deleteMany();
});
afterAll(async () => {
  await webhookProcessor().idle();
  await served?.close();
  await f?.stop();
  await setCache(undefined);
});

type Role = "viewer" | "agent" | "admin";
type Change = { by: string; source: string; kind: string; summary: string; recordId: string };
async function changesFor(as: Role, since: string, records = [`ticket:${ticket.id}`, `contact:${ticket.contactId}`]) {
  const query = new URLSearchParams({ connection: f.connectionId, records: records.join(","), since });
  const res = await collisions(jsonRequest(`/api/collisions?${query}`, { headers: f.users[as].headers }));
  expect(res.status).toBe(200);
  return (await res.json()) as { data: Change[]; checkedAt: string };
}
const klinkDeliveries = () => testDb().webhookDelivery.count({ where: { status: "processed" } });

describe("changes since a page loaded", () => {
  it("show another agent's message with who sent it, and not K-LINK's echo of it; the sender is not warned", async () => {
    const since = new Date().toISOString();
    const before = await klinkDeliveries();
    const sent = await f.call("POST", "/api/klink/v1/messages/send", {
      as: "agent",
      via: "session",
      body: { contactId: ticket.contactId, messageType: "text", message: "We are on it, a technician comes today." },
    });
    expect(sent.status).toBeLessThan(300);
    await waitUntil(async () => (await klinkDeliveries()) > before, "K-LINK's webhook about the message");

    const seenByAdmin = await changesFor("admin", since);
    expect(seenByAdmin.data).toEqual([
      expect.objectContaining({
        by: f.users.agent.user.name,
        source: "console",
        kind: "message",
        summary: "sent a message: “We are on it, a technician comes today.”",
        recordId: ticket.contactId,
      }),
    ]);
    expect((await changesFor("agent", since)).data).toEqual([]);
    // Asked again from the moment of that answer: nothing new.
    expect((await changesFor("admin", seenByAdmin.checkedAt)).data).toEqual([]);
  });

  it("show a status change made through the console and a change made in K-LINK itself", async () => {
    const since = new Date().toISOString();
    const changed = await f.call("PUT", `/api/klink/v1/tickets/${ticket.id}/status`, {
      as: "admin",
      via: "session",
      body: { status: "pending" },
    });
    expect(changed.status).toBe(200);
    await f.control("POST", "webhooks/emit", {
      event: "message.inbound",
      data: { id: `m-${Date.now()}`, contactId: ticket.contactId, message: "Hello?" },
    });
    await waitUntil(async () => (await changesFor("agent", since)).data.length === 2, "both changes");
    const { data } = await changesFor("agent", since);
    expect(data.map((c) => [c.by, c.kind, c.summary])).toEqual([
      [f.users.admin.user.name, "status", "set the status to pending"],
      ["K-LINK", "inbound", "The contact sent a new message."],
    ]);
  });

  it("refuse a check without a valid moment or records, with field messages", async () => {
    const query = new URLSearchParams({ connection: f.connectionId, records: "ticket:", since: "yesterday" });
    const res = await collisions(jsonRequest(`/api/collisions?${query}`, { headers: f.users.viewer.headers }));
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields).sort()).toEqual(["query.records.0", "query.since"]);
  });
});
