import { beforeEach, describe, expect, it } from "vitest";
import { countByEventType, getDelivery, listDeliveries } from "../../../lib/webhooks/delivery-history";
import type { Actor } from "../../../lib/identity/actor";
import { purgeDeliveries } from "../../../lib/webhooks/purge-deliveries";
import { resetDatabase, testDb } from "../../helpers/db";
import { envelope, hmacSettings, makeEndpoint, postSigned } from "../../helpers/webhook-kit";

const admin: Actor = { type: "user", userId: "u-admin", email: "admin@example.test", name: "Admin", role: "admin" };
const A = "conn-a";
const B = "conn-b";
const endpoint = () => makeEndpoint({ settings: { [A]: hmacSettings(A), [B]: hmacSettings(B) } });

beforeEach(resetDatabase);

describe("webhook history", () => {
  it("lists deliveries newest first, filtered by connection, event type, verification, status and time, page by page", async () => {
    const e = endpoint();
    const body = envelope("ticket.update");
    await postSigned(e, A, body);
    await postSigned(e, A, body); // duplicate
    await postSigned(e, A, envelope("contact.create"), "forged");
    await postSigned(e, B, envelope("ticket.update"));
    await postSigned(e, A, envelope("room.solve"));

    const all = await listDeliveries(admin, {});
    expect(all.data.map((d) => d.eventType)).toEqual([
      "room.solve",
      "ticket.update",
      "contact.create",
      "ticket.update",
      "ticket.update",
    ]);
    expect(all.data[0]).not.toHaveProperty("rawBody");
    expect((await listDeliveries(admin, { connectionId: B })).data).toHaveLength(1);
    expect((await listDeliveries(admin, { eventType: "ticket.update", connectionId: A })).data).toHaveLength(2);
    expect((await listDeliveries(admin, { verification: "invalid_signature" })).data.map((d) => d.eventType)).toEqual([
      "contact.create",
    ]);
    expect((await listDeliveries(admin, { status: "duplicate" })).data).toHaveLength(1);
    expect((await listDeliveries(admin, { from: new Date(Date.now() + 60_000) })).data).toHaveLength(0);

    const first = await listDeliveries(admin, {}, { limit: 2 });
    const second = await listDeliveries(admin, {}, { limit: 2, cursor: first.nextCursor! });
    const third = await listDeliveries(admin, {}, { limit: 2, cursor: second.nextCursor! });
    expect([...first.data, ...second.data, ...third.data].map((d) => d.id)).toEqual(all.data.map((d) => d.id));
    expect(third.nextCursor).toBeNull();
  });

  it("shows one delivery with redacted headers and its body pretty-printed", async () => {
    const { json } = await postSigned(endpoint(), A, envelope("ticket.update", { id: "t-1" }));
    const detail = await getDelivery(admin, String(json.id));
    expect(detail).toMatchObject({
      id: json.id,
      eventType: "ticket.update",
      knownEvent: true,
      headers: { "x-signature": "[redacted]", "content-type": "application/json" },
    });
    expect(detail!.body).toContain('\n  "event": "ticket.update"');
    expect(await getDelivery(admin, "missing")).toBeNull();
  });

  it("refuses every read to anyone below admin, in the data layer itself", async () => {
    const agent: Actor = { ...admin, role: "agent" };
    await expect(listDeliveries(agent, {})).rejects.toMatchObject({ status: 403 });
    await expect(getDelivery(agent, "x")).rejects.toMatchObject({ status: 403 });
    await expect(countByEventType(agent, new Date())).rejects.toMatchObject({ status: 403 });
  });

  it("counts deliveries per event type with their outcomes, unknown types included", async () => {
    const e = endpoint();
    const body = envelope("ticket.update");
    await postSigned(e, A, body);
    await postSigned(e, A, body);
    await postSigned(e, A, envelope("ticket.update"), "forged");
    await postSigned(e, A, envelope("room.solve"));
    const counts = await countByEventType(admin, new Date(Date.now() - 86_400_000));
    expect(counts).toEqual([
      { eventType: "ticket.update", known: true, total: 3, byStatus: { pending: 1, duplicate: 1, rejected: 1 } },
      { eventType: "room.solve", known: false, total: 1, byStatus: { pending: 1 } },
    ]);
  });
});

describe("retention", () => {
  it("deletes deliveries older than the retention window and keeps the rest", async () => {
    const e = endpoint();
    const old = await postSigned(e, A, envelope());
    const recent = await postSigned(e, A, envelope());
    await testDb().webhookDelivery.update({
      where: { id: String(old.json.id) },
      data: { receivedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await purgeDeliveries(testDb(), 30)).toBe(1);
    expect((await testDb().webhookDelivery.findMany()).map((r) => r.id)).toEqual([recent.json.id]);
  });
});
