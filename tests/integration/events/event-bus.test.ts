import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import type { EventBus } from "../../../lib/events/event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { createMemoryEventBus } from "../../../lib/events/memory-event-bus";
import { createRedisEventBus } from "../../../lib/events/redis-event-bus";

// CI sets TEST_REDIS_URL; a local run uses the machine's Redis on database 15. These tests never
// skip: without a reachable Redis they fail and say so.
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379/15";

const event = (type: string, id = randomUUID()): LiveEvent => ({
  type,
  id,
  connectionId: "conn-1",
  at: new Date().toISOString(),
});

/** Resolves with the first `count` events a bus delivers to one listener. */
function collect(bus: EventBus, count: number): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  return new Promise((resolve) => {
    const off = bus.subscribe((e) => {
      seen.push(e);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });
}

const opened: EventBus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close()));
});

describe("in-memory event bus", () => {
  it("delivers published events to every subscriber until it unsubscribes", async () => {
    const bus = createMemoryEventBus();
    const a: string[] = [];
    const b: string[] = [];
    const offA = bus.subscribe((e) => a.push(e.type));
    bus.subscribe((e) => b.push(e.type));
    await bus.publish(event("ticket.updated"));
    offA();
    await bus.publish(event("contact.created"));
    expect(a).toEqual(["ticket.updated"]);
    expect(b).toEqual(["ticket.updated", "contact.created"]);
  });

  it("keeps delivering to the other listeners when one throws", async () => {
    const bus = createMemoryEventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error("a broken tab");
    });
    bus.subscribe((e) => got.push(e.type));
    await bus.publish(event("ticket.created"));
    expect(got).toEqual(["ticket.created"]);
  });
});

describe("Redis event bus", () => {
  it("needs a reachable Redis for these tests", async () => {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await expect(client.ping(), `Redis at ${REDIS_URL} must be running (set TEST_REDIS_URL)`).resolves.toBe("PONG");
    } finally {
      client.disconnect();
    }
  });

  it("carries an event published on one instance to listeners on another, once each", async () => {
    const channel = `test:live-events:${randomUUID()}`;
    const instanceA = createRedisEventBus({ url: REDIS_URL, channel });
    const instanceB = createRedisEventBus({ url: REDIS_URL, channel });
    opened.push(instanceA, instanceB);
    await Promise.all([instanceA.ready(), instanceB.ready()]);

    const onB = collect(instanceB, 2);
    const onA = collect(instanceA, 2);
    const first = event("ticket.updated");
    const second = event("message.inbound");
    await instanceA.publish(first);
    await instanceB.publish(second);
    expect(await onB).toEqual([first, second]);
    expect(await onA).toEqual([first, second]);
  });

  it("does not mix up the events of another channel (another deployment on the same Redis)", async () => {
    const ours = createRedisEventBus({ url: REDIS_URL, channel: `test:live-events:${randomUUID()}` });
    const theirs = createRedisEventBus({ url: REDIS_URL, channel: `test:live-events:${randomUUID()}` });
    opened.push(ours, theirs);
    await Promise.all([ours.ready(), theirs.ready()]);
    const seen: string[] = [];
    ours.subscribe((e) => seen.push(e.type));
    const marker = collect(ours, 1);
    await theirs.publish(event("ticket.deleted"));
    await ours.publish(event("ticket.created"));
    await marker;
    expect(seen).toEqual(["ticket.created"]);
  });
});
