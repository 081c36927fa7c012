// The whole path with real parts: the K-LINK simulator posts signed deliveries over a real
// socket to the console's webhook endpoint (the production wiring: real settings from the
// encrypted connection, real processor, cache and live event bus).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { startSimulator, type RunningSimulator } from "../../../lib/klink/simulator";
import { insertConnection } from "../../../lib/connections/create-connection";
import { systemAudit } from "../../../lib/audit/request-audit";
import { getEventBus } from "../../../lib/events/get-event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { waitFor } from "../../../scripts/console-process";
import { resetDatabase, testDb } from "../../helpers/db";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";

const TOKEN = "kpt_simulator_flow_token_0001";
const SECRET = "whsec_simulator_flow_0123456789";
let sim: RunningSimulator;
let consoleSide: ServedHandlers;
let connectionId: string;
let webhookUrl: string;
const events: LiveEvent[] = [];

const klink = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${sim.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).then((r) => r.json());

beforeAll(async () => {
  await resetDatabase();
  sim = await startSimulator({ port: 0, tokens: [TOKEN] });
  consoleSide = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
  connectionId = (
    await insertConnection(
      { name: "Simulator flow", baseUrl: sim.url, token: TOKEN, webhook: { mode: "hmac", secret: SECRET } },
      systemAudit(),
    )
  ).id;
  webhookUrl = `${consoleSide.url}/api/webhooks/klink/${connectionId}`;
  await fetch(`${sim.url}/__sim/webhooks/targets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: webhookUrl, secret: SECRET }),
  });
  getEventBus().subscribe((e) => events.push(e));
});

afterAll(async () => {
  await sim?.stop();
  await consoleSide?.close();
});

describe("the simulator's webhooks, end to end", () => {
  it("stores a simulator mutation verified and processes it at once (well within the sweep's 5 s), publishing the live event", async () => {
    const ticket = (await klink("/api/v1/tickets?pageSize=1")).data[0];
    const started = Date.now();
    await klink(`/api/v1/tickets/${ticket.id}/status`, { method: "PUT", body: { status: "resolved" } });
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({ where: { eventType: "ticket.update", status: "processed" } })) === 1,
      5_000,
    );
    // Processed as it is acknowledged, not by the sweep (every 5 s): the delivery then also
    // fans out, notifies followers and drops report days, so a loaded CI machine needs the margin.
    expect(Date.now() - started).toBeLessThan(2_000);
    const row = await testDb().webhookDelivery.findFirstOrThrow({ where: { eventType: "ticket.update" } });
    expect(row).toMatchObject({ connectionId, verification: "verified", status: "processed", attempts: 1 });
    expect(JSON.parse(row.rawBody!).data).toMatchObject({ id: ticket.id, status: "resolved" });
    expect(events).toContainEqual(
      expect.objectContaining({ type: "ticket.updated", id: ticket.id, connectionId, deliveryId: row.id }),
    );
  });

  it("keeps every event type the simulator emits, known or not", async () => {
    await fetch(`${sim.url}/__sim/webhooks/emit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: "room.solve", data: { id: "r-1" } }),
    });
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({ where: { eventType: "room.solve", status: "processed" } })) === 1,
      5_000,
    );
  });

  it("records a forged delivery as rejected and a replayed one as a duplicate, and neither has any effect", async () => {
    const ticket = (await klink("/api/v1/tickets?pageSize=1&page=2")).data[0];
    await klink(`/api/v1/tickets/${ticket.id}/status`, { method: "PUT", body: { status: "pending" } });
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({ where: { eventType: "ticket.update", status: "processed" } })) === 2,
      5_000,
    );
    const genuine = await testDb().webhookDelivery.findFirstOrThrow({
      where: { eventType: "ticket.update" },
      orderBy: { receivedAt: "desc" },
    });
    const eventsBefore = events.length;

    // An attacker's own ticket.update, signed with a guessed secret.
    const forgedBody = JSON.stringify({
      event: "ticket.update",
      timestamp: new Date().toISOString(),
      data: { id: ticket.id, status: "closed" },
    });
    const forged = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature": createHmac("sha256", "guess").update(forgedBody).digest("hex"),
      },
      body: forgedBody,
    });
    expect(forged.status).toBe(401);
    // A captured genuine delivery sent again, byte for byte.
    const replayed = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature": createHmac("sha256", SECRET).update(genuine.rawBody!).digest("hex"),
      },
      body: genuine.rawBody!,
    });
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ duplicate: true });

    await webhookProcessor().drain();
    expect(events.length).toBe(eventsBefore);
    const history = await testDb().webhookDelivery.findMany({
      where: { receivedAt: { gt: genuine.receivedAt } },
      orderBy: { receivedAt: "asc" },
    });
    expect(history.map((r) => [r.verification, r.status])).toEqual([
      ["invalid_signature", "rejected"],
      ["verified", "duplicate"],
    ]);
    expect(history[1].duplicateOfId).toBe(genuine.id);
  });
});
