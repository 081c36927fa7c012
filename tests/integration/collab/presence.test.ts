// Who else is here: tabs report themselves with heartbeats and leave; others see them, with what
// they are doing, and are told at once through the event bus. The two-instance suite runs two
// presence stores and two event buses over one Redis, as two console processes would.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as presenceRoute } from "../../../app/api/presence/route";
import type { EventBus } from "../../../lib/events/event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { createMemoryEventBus } from "../../../lib/events/memory-event-bus";
import { createRedisEventBus } from "../../../lib/events/redis-event-bus";
import type { Actor } from "../../../lib/identity/actor";
import { heartbeat, leave, PRESENCE_TTL_MS, type PresenceDeps } from "../../../lib/presence/presence";
import { createMemoryPresenceStore, type PresenceStore } from "../../../lib/presence/presence-store";
import { createRedisPresenceStore } from "../../../lib/presence/redis-presence-store";
import { openRedis } from "../../../lib/redis/shared-redis";
import { browserHeaders, createTestUser, jsonRequest } from "../../helpers/auth";
import { resetDatabase } from "../../helpers/db";
import { waitUntil } from "../../helpers/simulator-harness";
import { deleteTestKeys, redisSuiteNote, redisTarget, testKeyPrefix } from "../../helpers/redis-for-tests";

const actor = (userId: string, name: string, role: Actor["role"] = "agent"): Actor => ({
  type: "user",
  userId,
  email: `${userId}@example.test`,
  name,
  role,
});
const aye = actor("u-aye", "Aye");
const bo = actor("u-bo", "Bo", "viewer");
const record = { type: "ticket" as const, id: "T-1" };
const on = (tab: string) => ({ connectionId: "conn-1", record, tab });

function instance(store: PresenceStore, bus: EventBus, now?: () => number): PresenceDeps & { heard: LiveEvent[] } {
  const heard: LiveEvent[] = [];
  bus.subscribe((event) => heard.push(event));
  return { store, publish: (event) => bus.publish(event), now, heard };
}

describe("presence on one instance", () => {
  it("shows each person the others on the record, with what they are doing, and never themselves", async () => {
    const deps = instance(createMemoryPresenceStore(), createMemoryEventBus());
    expect(await heartbeat(aye, { ...on("tab-aye-1"), state: "viewing" }, deps)).toEqual([]);
    expect(await heartbeat(bo, { ...on("tab-bo-1"), state: "viewing" }, deps)).toEqual([
      { userId: "u-aye", name: "Aye", state: "viewing" },
    ]);
    await heartbeat(aye, { ...on("tab-aye-2"), state: "replying" }, deps);
    expect(await heartbeat(bo, { ...on("tab-bo-1"), state: "viewing" }, deps)).toEqual([
      { userId: "u-aye", name: "Aye", state: "replying" },
    ]);
    // A change of state is announced; a plain heartbeat is not.
    const announced = deps.heard.filter((e) => e.type === "presence.changed");
    expect(announced).toHaveLength(3);
    expect(announced[0]).toMatchObject({ connectionId: "conn-1", id: "ticket:T-1" });
  });

  it("drops a tab that stops sending heartbeats after the presence time, and one that leaves at once", async () => {
    let now = 1_000_000;
    const deps = instance(createMemoryPresenceStore(), createMemoryEventBus(), () => now);
    await heartbeat(aye, { ...on("tab-aye"), state: "viewing" }, deps);
    now += PRESENCE_TTL_MS - 1;
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, deps)).toHaveLength(1);
    now += 2;
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, deps)).toEqual([]);

    await heartbeat(aye, { ...on("tab-aye"), state: "viewing" }, deps);
    // Someone else cannot end Aye's presence with her tab's id.
    await leave(bo, on("tab-aye"), deps);
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, deps)).toHaveLength(1);
    await leave(aye, on("tab-aye"), deps);
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, deps)).toEqual([]);
  });
});

describe("the presence route", () => {
  beforeEach(resetDatabase);

  it("lets a viewer report presence and refuses a made-up record or tab with field messages", async () => {
    const headers = await browserHeaders(await createTestUser("viewer"));
    const ok = await presenceRoute(
      jsonRequest("/api/presence", {
        method: "POST",
        headers,
        body: { connection: "conn-1", record: "ticket:42", tab: randomUUID(), state: "viewing" },
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: [] });
    const bad = await presenceRoute(
      jsonRequest("/api/presence", {
        method: "POST",
        headers,
        body: { connection: "conn-1", record: "ticket:../x/y", tab: "t", state: "dancing" },
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fields).sort()).toEqual(["body.record", "body.state", "body.tab"]);
  });
});

afterAll(deleteTestKeys);

describe.skipIf(Boolean(redisTarget.skipReason))(`presence across two instances over Redis${redisSuiteNote}`, () => {
  let opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((o) => o.close()));
    opened = [];
  });

  it("shows people on different instances to each other and tells the other instance at once when one leaves", async () => {
    const url = redisTarget.url!;
    const channel = `${testKeyPrefix}live-events:${randomUUID()}`;
    const prefix = `${testKeyPrefix}presence:`;
    // Each instance with its own connection, as two processes have.
    const redisA = openRedis(url, { name: "instance A" });
    const redisB = openRedis(url, { name: "instance B" });
    const storeA = createRedisPresenceStore({ redis: redisA, prefix });
    const storeB = createRedisPresenceStore({ redis: redisB, prefix });
    const busA = createRedisEventBus({ url, channel });
    const busB = createRedisEventBus({ url, channel });
    opened.push(
      busA,
      busB,
      { close: async () => void redisA.disconnect() },
      { close: async () => void redisB.disconnect() },
    );
    await Promise.all([busA.ready(), busB.ready()]);
    const instanceA = instance(storeA, busA);
    const instanceB = instance(storeB, busB);

    await heartbeat(aye, { ...on("tab-aye"), state: "viewing" }, instanceA);
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, instanceB)).toEqual([
      { userId: "u-aye", name: "Aye", state: "viewing" },
    ]);

    instanceB.heard.length = 0;
    await heartbeat(aye, { ...on("tab-aye"), state: "replying" }, instanceA);
    await waitUntil(() => instanceB.heard.some((e) => e.type === "presence.changed"), "the change on instance B");
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, instanceB)).toEqual([
      { userId: "u-aye", name: "Aye", state: "replying" },
    ]);

    instanceB.heard.length = 0;
    await leave(aye, on("tab-aye"), instanceA);
    await waitUntil(() => instanceB.heard.some((e) => e.type === "presence.changed"), "the departure on instance B");
    expect(await heartbeat(bo, { ...on("tab-bo"), state: "viewing" }, instanceB)).toEqual([]);
    // And the first instance sees Bo, who is on the second.
    expect(await heartbeat(aye, { ...on("tab-aye"), state: "viewing" }, instanceA)).toEqual([
      { userId: "u-bo", name: "Bo", state: "viewing" },
    ]);
  });
});
