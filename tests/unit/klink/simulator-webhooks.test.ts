// Webhooks from the simulator, received by a tiny HTTP server in the test that checks each
// signature independently with node:crypto.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Delivery } from "../../../lib/klink/simulator";
import { startHarness, waitUntil, type Harness } from "../../helpers/simulator-harness";

type Received = { headers: Record<string, string | string[] | undefined>; raw: string; path: string };

const SECRET = "whsec_test_0123456789";
let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
let h: Harness;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "" });
      res.writeHead(req.url === "/failing" ? 500 : 200, { "content-type": "application/json" });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  h = await startHarness({ webhookTargets: [{ url: `${receiverUrl}/hook`, secret: SECRET }] });
});
beforeEach(async () => {
  await h.control("POST", "reset");
  received = [];
});
afterAll(async () => {
  await h?.stop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

function verified(r: Received, secret = SECRET): boolean {
  const expected = createHmac("sha256", secret).update(r.raw).digest();
  const given = Buffer.from(String(r.headers["x-signature"]), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const events = () =>
  received.map((r) => JSON.parse(r.raw) as { event: string; timestamp: string; data: Record<string, unknown> });

describe("simulator webhooks", () => {
  it("delivers a signed contact.create with the documented envelope after a contact is created", async () => {
    const created = await h.client.contacts.create({ body: { name: "Somchai Jaidee" } });
    await waitUntil(() => received.length === 1, "the delivery");
    const [delivery] = received;
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["x-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(verified(delivery)).toBe(true);
    expect(verified(delivery, "another-secret")).toBe(false);
    const body = events()[0];
    expect(Object.keys(body)).toEqual(["event", "timestamp", "data"]);
    expect(body).toMatchObject({ event: "contact.create", data: { id: created.data.data.id, name: "Somchai Jaidee" } });
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it("emits an event for every kind of mutation, in order", async () => {
    const contact = (await h.client.contacts.create({ body: { name: "ထက်ထက်" } })).data.data;
    await h.client.contacts.update({ params: { id: contact.id }, body: { notes: "x" } });
    await h.client.contacts.updateTags({ params: { id: contact.id }, body: { actionType: "MERGE", tags: ["vip"] } });
    const ticket = (await h.client.tickets.create({ body: { title: "Help", contact_id: contact.id } })).data.data;
    await h.client.tickets.update({ params: { id: ticket.id }, body: { priority: "low" } });
    await h.client.tickets.updateStatus({ params: { id: ticket.id }, body: { status: "resolved" } });
    await h.client.messages.send({ body: { contactId: contact.id, message: "Hello" } });
    await h.client.contacts.delete({ params: { id: contact.id } });
    await waitUntil(() => received.length === 8, "eight deliveries");
    expect(events().map((e) => e.event)).toEqual([
      "contact.create",
      "contact.update",
      "contact.update",
      "ticket.create",
      "ticket.update",
      "ticket.update",
      "message.outbound",
      "contact.delete",
    ]);
    expect(received.every((r) => verified(r))).toBe(true);
    expect(events()[5].data).toMatchObject({ id: ticket.id, status: "resolved" });
    expect(events()[6].data).toMatchObject({ contactId: contact.id, message: "Hello", messageType: "text" });
  });

  it("sends no webhook for reads", async () => {
    await h.client.tickets.list();
    await h.client.contacts.list();
    expect((await h.control<{ data: Delivery[] }>("GET", "webhooks/deliveries")).data).toEqual([]);
  });

  it("emits an arbitrary event on demand to targets registered at run time, and records each attempt", async () => {
    const target = await h.control<{ id: string }>("POST", "webhooks/targets", {
      url: `${receiverUrl}/second`,
      secret: "second-secret",
    });
    await h.control("POST", "webhooks/emit", {
      event: "message.inbound",
      data: { id: "m1", contactId: "c1", message: "မင်္ဂလာပါ" },
    });
    await waitUntil(() => received.length === 2, "two deliveries");
    const second = received.find((r) => r.path === "/second")!;
    expect(verified(second, "second-secret")).toBe(true);
    expect(JSON.parse(second.raw)).toMatchObject({ event: "message.inbound", data: { message: "မင်္ဂလာပါ" } });
    await waitUntil(
      async () =>
        (await h.control<{ data: Delivery[] }>("GET", "webhooks/deliveries")).data.every(
          (d) => d.state === "delivered",
        ),
      "recorded",
    );
    const deliveries = (await h.control<{ data: Delivery[] }>("GET", "webhooks/deliveries")).data;
    expect(deliveries.map((d) => [d.targetId === target.id, d.event, d.attempts.map((a) => a.status)])).toEqual(
      expect.arrayContaining([
        [true, "message.inbound", [200]],
        [false, "message.inbound", [200]],
      ]),
    );
    const targets = await h.control<{ data: Record<string, unknown>[] }>("GET", "webhooks/targets");
    expect(JSON.stringify(targets)).not.toContain("secret");
    await h.control("DELETE", "webhooks/targets");
    expect((await h.control<{ data: unknown[] }>("GET", "webhooks/targets")).data).toHaveLength(1);
  });

  it("retries a target that answers 500 and records every attempt before giving up", async () => {
    await h.control("POST", "webhooks/targets", { url: `${receiverUrl}/failing`, secret: "s" });
    await h.control("POST", "webhooks/emit", { event: "ticket.update", data: { id: "t1" } });
    const failing = async () =>
      (await h.control<{ data: Delivery[] }>("GET", "webhooks/deliveries")).data.find((d) =>
        d.url.endsWith("/failing"),
      );
    await waitUntil(async () => (await failing())?.state === "failed", "the failing delivery to give up");
    expect((await failing())!.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(received.filter((r) => r.path === "/failing")).toHaveLength(3);
    // Every attempt carries the same bytes and signature.
    expect(
      new Set(received.filter((r) => r.path === "/failing").map((r) => r.raw + r.headers["x-signature"])).size,
    ).toBe(1);
    await h.control("DELETE", "webhooks/targets");
  });
});
