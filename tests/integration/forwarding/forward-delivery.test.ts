import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { Actor } from "../../../lib/identity/actor";
import { systemAudit } from "../../../lib/audit/request-audit";
import { createDeliveryProcessor } from "../../../lib/webhooks/process-deliveries";
import { createDispatcher, type DispatcherOptions } from "../../../lib/forwarding/dispatcher";
import { createDestinationRateLimit } from "../../../lib/forwarding/destination-rate-limit";
import { createFanOut, insertMessages } from "../../../lib/forwarding/fan-out";
import { createDb } from "../../../lib/db/client";
import { claimRows, claimableWhere } from "../../../lib/db/lease-claims";
import { writeAttemptRecords } from "../../../lib/forwarding/attempt-records";
import { createDestination, rotateDestinationSecret } from "../../../lib/forwarding/manage-destinations";
import { forwardsOfDelivery } from "../../../lib/forwarding/message-history";
import { resetDatabase, testDb } from "../../helpers/db";
import { envelope, hmacSettings, makeEndpoint, postSigned, testProvider } from "../../helpers/webhook-kit";
import { startReceiver, type Receiver } from "../../helpers/forward-receiver";

const CONN = "conn-forwarding";
const admin: Actor = { type: "user", userId: "u-admin", email: "admin@example.test", name: "Admin", role: "admin" };
const MINUTE = 60_000;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  await resetDatabase();
  receiver.received.length = 0;
  receiver.acknowledged.clear();
  receiver.answer = () => ({ status: 204 });
  await receiver.start();
});

function dispatcher(extra: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db: testDb(),
    provider: testProvider(),
    policy: () => ({ allowLoopback: true }),
    rateLimit: createDestinationRateLimit(),
    disableAfterMs: () => 24 * 60 * MINUTE,
    retryDelayMs: () => MINUTE,
    ...extra,
  });
}

/** Accepts K-LINK events through the real webhook endpoint and processes them, fanning out to the outbox. */
async function receiveEvents(...bodies: string[]): Promise<string[]> {
  const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } });
  const ids: string[] = [];
  for (const body of bodies) ids.push(String((await postSigned(endpoint, CONN, body)).json.id));
  const processor = createDeliveryProcessor({
    db: testDb(),
    provider: testProvider(),
    invalidate: async () => undefined,
    publish: async () => undefined,
    fanOut: createFanOut({ db: testDb(), provider: testProvider() }),
  });
  await processor.drain();
  return ids;
}

async function destination(input: Partial<Parameters<typeof createDestination>[1]> = {}) {
  const created = await createDestination(
    admin,
    { name: `Receiver ${Math.random()}`, url: receiver.url, ...input },
    systemAudit(),
  );
  receiver.secrets = [created.signingSecret];
  return created;
}

describe("forwarding K-LINK's events", () => {
  it("delivers an accepted event signed in the Standard Webhooks format, verified by the reference implementation", async () => {
    const { id: destinationId, signingSecret } = await destination();
    expect(signingSecret).toMatch(/^whsec_/);
    const body = envelope("ticket.update", { id: "t-77", contactId: "c-9" }, "2026-12-03T10:00:00.000Z");
    const [deliveryId] = await receiveEvents(body);
    expect(await dispatcher().drain()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got.verifiedBy).toBe(0);
    expect(() => new Webhook(signingSecret).verify(got.body, got.headers)).not.toThrow();
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(JSON.parse(got.body)).toEqual({
      type: "ticket.update",
      timestamp: "2026-12-03T10:00:00.000Z",
      data: { id: "t-77", contactId: "c-9" },
      connectionId: CONN,
    });
    const message = await testDb().forwardMessage.findFirstOrThrow({ where: { destinationId } });
    expect(got.id).toBe(message.id);
    expect(message).toMatchObject({ status: "delivered", deliveryId, attempts: 1, lastStatus: 204 });
    expect(await testDb().forwardAttempt.findMany({ where: { messageId: message.id } })).toEqual([
      expect.objectContaining({ status: 204, error: null }),
    ]);
    // The inbound delivery's history shows where it was forwarded.
    expect(await forwardsOfDelivery(admin, deliveryId)).toEqual([
      expect.objectContaining({ destinationId, status: "delivered", destinationName: expect.any(String) }),
    ]);
  });

  it("sends the static header, encrypted at rest, and a forged signature fails the reference verifier", async () => {
    const { id } = await destination({ header: { name: "X-Api-Key", value: "receiver-key-123456" } });
    const row = await testDb().forwardDestination.findUniqueOrThrow({ where: { id } });
    expect(row.headerValueCiphertext).not.toContain("receiver-key-123456");
    expect(row.secretCiphertext).not.toContain("whsec_");
    await receiveEvents(envelope("contact.create"));
    await dispatcher().drain();
    const [got] = receiver.received;
    expect(got.headers["x-api-key"]).toBe("receiver-key-123456");
    expect(() => new Webhook(receiver.secrets[0]).verify(`${got.body} `, got.headers)).toThrow();
  });

  it("fans out only to destinations whose event types and connections match", async () => {
    const tickets = await destination({ eventTypes: ["ticket.*"] });
    const contacts = await destination({ eventTypes: ["contact.create"] });
    const elsewhere = await destination({ connectionIds: ["another-connection"] });
    await receiveEvents(envelope("ticket.create"), envelope("ticket.update"), envelope("contact.create"));
    const count = async (destinationId: string) => testDb().forwardMessage.count({ where: { destinationId } });
    expect(await count(tickets.id)).toBe(2);
    expect(await count(contacts.id)).toBe(1);
    expect(await count(elsewhere.id)).toBe(0);
  });

  it("writes each event to the outbox once, however often its processing runs", async () => {
    const { id } = await destination();
    const [deliveryId] = await receiveEvents(envelope("ticket.update"));
    const row = await testDb().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    const fanOut = createFanOut({ db: testDb(), provider: testProvider() });
    await fanOut([row]);
    await fanOut([row]);
    expect(await testDb().forwardMessage.count({ where: { destinationId: id } })).toBe(1);
  });

  it("signs with both secrets during a rotation's grace period, and only the new one after it", async () => {
    const { id, signingSecret: oldSecret } = await destination();
    const { signingSecret: newSecret } = await rotateDestinationSecret(admin, id, 3600, systemAudit());
    receiver.secrets = [newSecret, oldSecret];
    await receiveEvents(envelope("ticket.update"));
    await dispatcher().drain();
    const [got] = receiver.received;
    expect(got.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(got.body, got.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(got.body, got.headers)).not.toThrow();

    await rotateDestinationSecret(admin, id, 0, systemAudit());
    const latest = await testDb().forwardDestination.findUniqueOrThrow({ where: { id } });
    expect(latest.previousSecretCiphertext).toBeNull();
  });
});

describe("at-least-once delivery", () => {
  it("gives a receiver that was down every event once it is back, each exactly once by webhook-id", async () => {
    const { id } = await destination();
    await receiver.stop();
    await receiveEvents(...Array.from({ length: 5 }, (_, i) => envelope("ticket.update", { id: `down-${i}` })));
    await dispatcher().drain();
    const waiting = await testDb().forwardMessage.findMany({ where: { destinationId: id } });
    expect(waiting).toHaveLength(5);
    for (const m of waiting) {
      expect(m).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
      expect(m.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    }
    expect(await testDb().forwardDestination.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      failingSince: expect.any(Date),
    });
    // Not due yet: nothing is sent.
    await receiver.start();
    expect(await dispatcher().drain()).toBe(0);
    // Two minutes later (within the signature's 5-minute tolerance) every retry is due.
    const later = dispatcher({ now: () => new Date(Date.now() + 2 * MINUTE) });
    expect(await later.drain()).toBe(5);
    expect(receiver.acknowledged.size).toBe(5);
    expect([...receiver.acknowledged.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.received.every((r) => r.verifiedBy === 0)).toBe(true);
    expect(await testDb().forwardDestination.findUniqueOrThrow({ where: { id } })).toMatchObject({
      failingSince: null,
    });
  });

  it("shares the outbox between two instances without sending any message twice", async () => {
    const { id } = await destination({ rateLimitPerSecond: 1000 });
    receiver.answer = () => ({ status: 200, body: "ok" });
    await receiveEvents(...Array.from({ length: 40 }, (_, i) => envelope("ticket.update", { id: `two-${i}` })));
    const [a, b] = [dispatcher({ concurrency: 4 }), dispatcher({ concurrency: 4 })];
    const [sentByA, sentByB] = await Promise.all([a.drain(), b.drain()]);
    expect(sentByA + sentByB).toBe(40);
    const errors = await testDb().forwardAttempt.findMany({ where: { error: { not: null } }, select: { error: true } });
    expect(errors).toEqual([]);
    expect(receiver.received).toHaveLength(40);
    expect(receiver.acknowledged.size).toBe(40);
    expect(await testDb().forwardMessage.count({ where: { destinationId: id, status: "delivered" } })).toBe(40);
  });

  it("claims a batch in one statement: two instances on their own connections racing for the same rows each get only rows the other did not", async () => {
    const { id: destinationId } = await destination();
    const queued = Array.from({ length: 200 }, (_, i) => ({
      destinationId,
      deliveryId: `race-${i}`,
      connectionId: CONN,
      eventType: "ticket.update",
      payload: "{}",
      receivedAt: new Date(),
    }));
    expect(await insertMessages(testDb(), testProvider(), queued)).toBe(200);
    const ids = (await testDb().forwardMessage.findMany({ select: { id: true } })).map((m) => m.id);
    // A second client: its own connection (SQLite) or pool (PostgreSQL), as another instance has.
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const at = new Date();
      const [leaseA, leaseB] = [new Date(at.getTime() + 60_000), new Date(at.getTime() + 60_000)];
      // The same lease value on purpose: claiming must not tell its rows apart by it.
      const [a, b] = await Promise.all([
        claimRows((args) => testDb().forwardMessage.updateManyAndReturn(args), ids, claimableWhere(at), leaseA),
        claimRows((args) => other.forwardMessage.updateManyAndReturn(args), ids, claimableWhere(at), leaseB),
      ]);
      expect([...a].filter((id) => b.has(id))).toEqual([]);
      expect(a.size + b.size).toBe(200);
      const rows = await testDb().forwardMessage.findMany({ select: { status: true, attempts: true } });
      expect(rows.every((r) => r.status === "processing" && r.attempts === 1)).toBe(true);
      // Claimed rows are no one's to claim again while the lease holds.
      expect(
        await claimRows((args) => other.forwardMessage.updateManyAndReturn(args), ids, claimableWhere(at), leaseB),
      ).toEqual(new Set());
    } finally {
      await other.$disconnect();
    }
  });

  it("two dispatchers on their own connections, claiming in small batches at once, send every message exactly once", async () => {
    await destination({ rateLimitPerSecond: 1000 });
    await receiveEvents(...Array.from({ length: 60 }, (_, i) => envelope("ticket.update", { id: `duo-${i}` })));
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const [a, b] = [
        dispatcher({ batchSize: 7, concurrency: 3 }),
        dispatcher({ db: other, batchSize: 7, concurrency: 3 }),
      ];
      const [sentByA, sentByB] = await Promise.all([a.drain(), b.drain()]);
      expect(sentByA + sentByB).toBe(60);
      expect(receiver.received).toHaveLength(60);
      expect(receiver.acknowledged.size).toBe(60);
      expect([...receiver.acknowledged.values()].every((n) => n === 1)).toBe(true);
      const messages = await testDb().forwardMessage.findMany({ select: { status: true, attempts: true } });
      expect(messages.every((m) => m.status === "delivered" && m.attempts === 1)).toBe(true);
      expect(await testDb().forwardAttempt.count()).toBe(60);
    } finally {
      await other.$disconnect();
    }
  });

  it("records an outcome only on a message that still carries the sender's lease", async () => {
    const { id: destinationId } = await destination();
    await receiveEvents(envelope("ticket.update", { id: "kept" }), envelope("ticket.update", { id: "taken" }));
    const ids = (await testDb().forwardMessage.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } })).map(
      (m) => m.id,
    );
    const at = new Date();
    const lease = new Date(at.getTime() + 60_000);
    expect(
      await claimRows((args) => testDb().forwardMessage.updateManyAndReturn(args), ids, claimableWhere(at), lease),
    ).toEqual(new Set(ids));
    // The second message's lease ran out and another instance holds it now.
    const theirs = new Date(at.getTime() + 120_000);
    await testDb().forwardMessage.update({ where: { id: ids[1] }, data: { lockedUntil: theirs } });
    const outcome = { destinationId, lease, at, status: 204, latencyMs: 3, error: null, response: "", finished: at };
    await writeAttemptRecords(testDb(), testProvider(), [
      { ...outcome, messageId: ids[0], next: { status: "delivered" } },
      { ...outcome, messageId: ids[1], next: { status: "delivered" } },
    ]);
    const [kept, taken] = await Promise.all(
      ids.map((id) => testDb().forwardMessage.findUniqueOrThrow({ where: { id } })),
    );
    expect(kept).toMatchObject({ status: "delivered", lockedUntil: null, lastStatus: 204 });
    expect(taken).toMatchObject({ status: "processing", lockedUntil: theirs, lastStatus: null });
    // Both attempts happened, so both are in the log.
    expect(await testDb().forwardAttempt.count()).toBe(2);
  });

  it("claims again a message whose instance died mid-send once its lease ran out", async () => {
    const { id } = await destination();
    await receiveEvents(envelope("ticket.update"));
    const lost = new Date(Date.now() - 1000);
    await testDb().forwardMessage.updateMany({
      where: { destinationId: id },
      data: { status: "processing", lockedUntil: lost, attempts: 1 },
    });
    expect(await dispatcher().drain()).toBe(1);
    expect(receiver.acknowledged.size).toBe(1);
  });

  it("honours Retry-After on a 429", async () => {
    const { id } = await destination();
    receiver.answer = () => ({ status: 429, headers: { "retry-after": "600" } });
    await receiveEvents(envelope("ticket.update"));
    const before = Date.now();
    await dispatcher().drain();
    const m = await testDb().forwardMessage.findFirstOrThrow({ where: { destinationId: id } });
    expect(m).toMatchObject({ status: "pending", lastStatus: 429 });
    expect(m.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 600_000);
  });

  it("disables a destination that answers 410, and sends it nothing more", async () => {
    const { id } = await destination();
    receiver.answer = () => ({ status: 410 });
    await receiveEvents(envelope("ticket.update"), envelope("ticket.update"));
    await dispatcher({ concurrency: 1, batchSize: 1 }).drain();
    const row = await testDb().forwardDestination.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410") });
    expect(receiver.received).toHaveLength(1);
    expect(await testDb().forwardMessage.count({ where: { destinationId: id, status: "pending" } })).toBe(1);
  });

  it("disables a destination that has failed for FORWARD_DISABLE_AFTER_MS, saying why", async () => {
    const { id } = await destination();
    receiver.answer = () => ({ status: 500, body: "boom" });
    await testDb().forwardDestination.update({
      where: { id },
      data: { failingSince: new Date(Date.now() - 25 * 60 * MINUTE) },
    });
    await receiveEvents(envelope("ticket.update"));
    await dispatcher().drain();
    const row = await testDb().forwardDestination.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("FORWARD_DISABLE_AFTER_MS") });
    const attempt = await testDb().forwardAttempt.findFirstOrThrow({ where: { message: { destinationId: id } } });
    expect(attempt).toMatchObject({ status: 500, response: "boom" });
  });

  it("refuses at send time an address the policy forbids, and records why", async () => {
    const { id } = await destination();
    await receiveEvents(envelope("ticket.update"));
    await dispatcher({ policy: () => ({ allowLoopback: false }) }).drain();
    expect(receiver.received).toHaveLength(0);
    const attempt = await testDb().forwardAttempt.findFirstOrThrow({ where: { message: { destinationId: id } } });
    expect(attempt).toMatchObject({ status: null, error: expect.stringContaining("loopback") });
  });
});

describe("rate limit per destination", () => {
  it("sends at most the destination's rate per second and keeps the rest pending, uncounted", async () => {
    const { id } = await destination({ rateLimitPerSecond: 2 });
    await receiveEvents(...Array.from({ length: 5 }, (_, i) => envelope("ticket.update", { id: `rl-${i}` })));
    expect(await dispatcher({ concurrency: 1 }).drain()).toBe(2);
    expect(receiver.received).toHaveLength(2);
    const waiting = await testDb().forwardMessage.findMany({ where: { destinationId: id, status: "pending" } });
    expect(waiting).toHaveLength(3);
    for (const m of waiting) {
      expect(m.attempts).toBe(0);
      expect(m.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    }
  });
});
