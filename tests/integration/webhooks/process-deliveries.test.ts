import { beforeEach, describe, expect, it } from "vitest";
import { cacheTags } from "../../../lib/klink/cache-tags";
import type { LiveEvent } from "../../../lib/events/live-event";
import { createDeliveryProcessor, type DeliveryProcessorOptions } from "../../../lib/webhooks/process-deliveries";
import { resetDatabase, testDb } from "../../helpers/db";
import { envelope, hmacSettings, makeEndpoint, postSigned, testProvider } from "../../helpers/webhook-kit";

const CONN = "conn-processing";
const rows = () => testDb().webhookDelivery;

/** The effects a processor had, as seen by its two outputs. */
function recorder() {
  const invalidations: { connectionId: string; tags: string[] }[] = [];
  const events: LiveEvent[] = [];
  return {
    invalidations,
    events,
    invalidate: async (connectionId: string, tags: string[]) => void invalidations.push({ connectionId, tags }),
    publish: async (event: LiveEvent) => void events.push(event),
  };
}

function processor(effects: ReturnType<typeof recorder>, extra: Partial<DeliveryProcessorOptions> = {}) {
  return createDeliveryProcessor({
    db: testDb(),
    provider: testProvider(),
    invalidate: effects.invalidate,
    publish: effects.publish,
    ...extra,
  });
}

/** Accepts deliveries through the real endpoint, without processing them (as if the process died right after answering). */
async function receive(...bodies: string[]): Promise<string[]> {
  const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } });
  const ids: string[] = [];
  for (const body of bodies) ids.push(String((await postSigned(endpoint, CONN, body)).json.id));
  return ids;
}

beforeEach(resetDatabase);

describe("processing stored deliveries", () => {
  it("invalidates the ticket, ticket lists and the contact's tickets, then publishes ticket.updated", async () => {
    const [id] = await receive(envelope("ticket.update", { id: "t-42", contactId: "c-7", status: "closed" }));
    const effects = recorder();
    expect(await processor(effects).drain()).toBe(1);
    expect(effects.invalidations).toEqual([
      {
        connectionId: CONN,
        tags: [cacheTags.ticketsList(), cacheTags.ticket("t-42"), cacheTags.contactTickets("c-7")],
      },
    ]);
    expect(effects.events).toEqual([
      {
        type: "ticket.updated",
        id: "t-42",
        contactId: "c-7",
        connectionId: CONN,
        deliveryId: id,
        at: expect.any(String),
      },
    ]);
    expect(await rows().findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "processed",
      attempts: 1,
      lockedUntil: null,
      lastError: null,
      processedAt: expect.any(Date),
    });
  });

  it("invalidates the contact, its lists, tickets, CX view and the social-id lookups on contact events, and the CX logs and the contact's CX view on messages", async () => {
    await receive(
      envelope("contact.create", { id: "c-1", name: "John" }),
      envelope("message.inbound", { id: "m-1", contact_id: "c-2", message: "hi" }),
    );
    const effects = recorder();
    await processor(effects).drain();
    // One batch: one invalidation per connection, with the tags of both events.
    const contactTags = [
      cacheTags.contactsList(),
      cacheTags.contact("c-1"),
      cacheTags.contactTickets("c-1"),
      cacheTags.contactCx("c-1"),
      cacheTags.contactSocialLookups(),
    ];
    expect(effects.invalidations).toEqual([
      { connectionId: CONN, tags: [...contactTags, cacheTags.cxLogs(), cacheTags.contactCx("c-2")] },
    ]);
    expect(effects.events.map(({ type, id, contactId }) => ({ type, id, contactId }))).toEqual([
      { type: "contact.created", id: "c-1", contactId: undefined },
      { type: "message.inbound", id: "m-1", contactId: "c-2" },
    ]);
    expect(JSON.stringify(effects.events)).not.toMatch(/John|hi"/);
  });

  it("publishes the live event only once the invalidation has finished (open pages re-read on it)", async () => {
    await receive(envelope("ticket.update", { id: "t-order", contactId: "c-order" }));
    const steps: string[] = [];
    const effects = recorder();
    const ordered = processor({
      ...effects,
      invalidate: async () => {
        steps.push("invalidation started");
        await new Promise((resolve) => setTimeout(resolve, 30));
        steps.push("invalidation finished");
      },
      publish: async (event) => void steps.push(`published ${event.type}`),
    });
    await ordered.drain();
    expect(steps).toEqual(["invalidation started", "invalidation finished", "published ticket.updated"]);
  });

  it("keeps an unknown event type: processed, shown with its type, no effects", async () => {
    const [id] = await receive(envelope("room.solve", { id: "r-1" }));
    const effects = recorder();
    await processor(effects).drain();
    expect(effects.invalidations).toEqual([]);
    expect(effects.events).toEqual([]);
    expect(await rows().findUniqueOrThrow({ where: { id } })).toMatchObject({
      eventType: "room.solve",
      status: "processed",
    });
  });

  it("resumes after a restart: rows acknowledged but never processed, and rows whose lease expired, are processed", async () => {
    const ids = await receive(envelope(), envelope(), envelope());
    // An instance claimed the last one and died: its lease ran out a minute ago.
    await rows().update({
      where: { id: ids[2] },
      data: { status: "processing", attempts: 1, lockedUntil: new Date(Date.now() - 60_000) },
    });
    const effects = recorder();
    expect(await processor(effects).drain()).toBe(3);
    expect(await rows().count({ where: { status: "processed" } })).toBe(3);
    expect(await rows().findUniqueOrThrow({ where: { id: ids[2] } })).toMatchObject({ attempts: 2 });
  });

  it("leaves a row alone while another instance holds its lease", async () => {
    const [id] = await receive(envelope());
    await rows().update({ where: { id }, data: { status: "processing", lockedUntil: new Date(Date.now() + 60_000) } });
    const effects = recorder();
    expect(await processor(effects).drain()).toBe(0);
    expect(effects.invalidations).toEqual([]);
  });

  it("processes each delivery exactly once when several instances drain at the same time", async () => {
    await receive(...Array.from({ length: 30 }, () => envelope()));
    const effects = recorder();
    const instances = [
      processor(effects, { batchSize: 7 }),
      processor(effects, { batchSize: 5 }),
      processor(effects, { batchSize: 30 }),
    ];
    const counts = await Promise.all(instances.map((p) => p.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    const perDelivery = new Map<string, number>();
    for (const event of effects.events)
      perDelivery.set(event.deliveryId!, (perDelivery.get(event.deliveryId!) ?? 0) + 1);
    expect(perDelivery.size).toBe(30);
    expect([...perDelivery.values()].every((n) => n === 1)).toBe(true);
  });

  it("processes a delivery right after the answer, from memory, on the instance that received it", async () => {
    const effects = recorder();
    const live = processor(effects);
    const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) }, processor: live });
    const answers = await Promise.all(
      [1, 2, 3].map((n) => postSigned(endpoint, CONN, envelope("ticket.create", { id: `t-new-${n}` }))),
    );
    await live.idle();
    expect(effects.events.map((e) => e.deliveryId).sort()).toEqual(answers.map((a) => a.json.id).sort());
    expect(await rows().count({ where: { status: "processed", attempts: 1 } })).toBe(3);
  });

  it("leaves a queued delivery whose lease is about to run out to the sweep", async () => {
    const effects = recorder();
    const live = processor(effects, { leaseMs: 1000 });
    const [id] = await receive(envelope());
    // Handed over too late: only 100 ms of the lease are left.
    await rows().update({
      where: { id },
      data: { status: "processing", attempts: 1, lockedUntil: new Date(Date.now() + 100) },
    });
    const row = await rows().findUniqueOrThrow({ where: { id } });
    live.enqueue({
      id,
      connectionId: CONN,
      eventType: row.eventType,
      rawBody: row.rawBody,
      attempts: 1,
      lease: row.lockedUntil!,
    });
    await live.idle();
    expect(effects.events).toEqual([]);
    expect(await rows().findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "processing" });
  });
});

describe("retries", () => {
  it("retries a failing delivery with growing backoff and ends as failed with the error", async () => {
    const [id] = await receive(envelope());
    let clock = Date.now();
    const effects = recorder();
    const failing = processor(
      {
        ...effects,
        invalidate: async () => {
          throw new Error("cache unavailable: connection refused");
        },
      },
      { maxAttempts: 3, backoffMs: (attempt) => attempt * 1000, now: () => new Date(clock) },
    );
    await failing.drain();
    let row = await rows().findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "cache unavailable: connection refused",
      lockedUntil: null,
    });
    expect(row.nextAttemptAt!.getTime()).toBe(clock + 1000);

    expect(await failing.drain()).toBe(0); // not due yet
    clock += 1000;
    await failing.drain();
    row = await rows().findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row.nextAttemptAt!.getTime()).toBe(clock + 2000);

    clock += 2000;
    await failing.drain();
    row = await rows().findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "cache unavailable: connection refused",
      nextAttemptAt: null,
    });

    clock += 60_000;
    expect(await failing.drain()).toBe(0); // failed is final
    expect(effects.events).toEqual([]);
  });

  it("succeeds on a later attempt once the failure is gone", async () => {
    const [id] = await receive(envelope());
    let clock = Date.now();
    let fail = true;
    const effects = recorder();
    const flaky = processor(
      {
        ...effects,
        publish: async (e) => {
          if (fail) throw new Error("redis down");
          effects.events.push(e);
        },
      },
      { backoffMs: () => 500, now: () => new Date(clock) },
    );
    await flaky.drain();
    fail = false;
    clock += 500;
    await flaky.drain();
    expect(await rows().findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "processed",
      attempts: 2,
      lastError: null,
    });
    expect(effects.events).toHaveLength(1);
  });
});

describe("replay", () => {
  it("runs processing again for a processed delivery", async () => {
    const [id] = await receive(envelope("ticket.update", { id: "t-9" }));
    const effects = recorder();
    const p = processor(effects);
    await p.drain();
    expect(await p.replay(id)).toEqual({ kind: "done", status: "processed", lastError: null });
    expect(effects.events.map((e) => e.id)).toEqual(["t-9", "t-9"]);
    expect(await rows().findUniqueOrThrow({ where: { id } })).toMatchObject({ attempts: 2, status: "processed" });
  });

  it("gives a failed delivery one more attempt", async () => {
    const [id] = await receive(envelope());
    await rows().update({ where: { id }, data: { status: "failed", attempts: 6, lastError: "boom" } });
    const effects = recorder();
    expect(await processor(effects).replay(id)).toMatchObject({ kind: "done", status: "processed" });
    expect(effects.events).toHaveLength(1);
  });

  it("never replays a forged or duplicate delivery, and says why", async () => {
    const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } });
    const forged = await postSigned(endpoint, CONN, envelope(), "not-the-secret");
    const body = envelope();
    await postSigned(endpoint, CONN, body);
    const duplicate = await postSigned(endpoint, CONN, body);
    const effects = recorder();
    const p = processor(effects);
    expect(await p.replay(String(forged.res.headers.get("x-webhook-delivery-id")))).toEqual({
      kind: "not_replayable",
      reason: "This delivery was rejected (invalid_signature) and is never processed.",
    });
    expect(await p.replay(String(duplicate.json.id))).toMatchObject({ kind: "not_replayable" });
    expect(await p.replay("missing")).toEqual({ kind: "not_found" });
    expect(effects.events).toEqual([]);
  });

  it("does not replay a delivery another instance is processing", async () => {
    const [id] = await receive(envelope());
    await rows().update({ where: { id }, data: { status: "processing", lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await processor(recorder()).replay(id)).toEqual({ kind: "busy" });
  });
});
