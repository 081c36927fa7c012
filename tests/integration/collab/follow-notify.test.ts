// Follow and notify against the simulator over real sockets: the simulator posts its signed
// webhooks to the console's webhook endpoint, whose processing (production wiring) turns events
// about followed tickets and contacts into notifications and live events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as follow } from "../../../app/api/follows/route";
import { GET as notifications } from "../../../app/api/notifications/route";
import { POST as markRead } from "../../../app/api/notifications/read/route";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { getEventBus } from "../../../lib/events/get-event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { createRedisEventBus } from "../../../lib/events/redis-event-bus";
import { onWebhookEvents } from "../../../lib/notifications/on-webhook-event";
import { purgeNotifications } from "../../../lib/notifications/user-notifications";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { jsonRequest } from "../../helpers/auth";
import { resetDatabase, testDb } from "../../helpers/db";
import { seedIds } from "../../helpers/endpoint-samples";
import { startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";
import { waitUntil } from "../../helpers/simulator-harness";
import { redisSuiteNote, redisTarget, testKeyPrefix } from "../../helpers/redis-for-tests";

const SECRET = "whsec_follow_notify_0123456789";
let f: ProxyFixture;
let served: ServedHandlers;
let seeds: Awaited<ReturnType<typeof seedIds>>;
let ticket: { id: string; contactId: string; ticketNumber: number; title: string };
const heard: LiveEvent[] = [];
let unsubscribe: () => void;

beforeAll(async () => {
  await resetDatabase();
  await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
  f = await startProxyFixture({ webhookSecret: SECRET });
  served = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
  await f.control("POST", "webhooks/targets", {
    url: `${served.url}/api/webhooks/klink/${f.connectionId}`,
    secret: SECRET,
  });
  seeds = await seedIds(f);
  const listed = (await f.call("GET", "/api/klink/v1/tickets?pageSize=1")).json as { data: (typeof ticket)[] };
  ticket = listed.data[0];
  unsubscribe = getEventBus().subscribe((event) => heard.push(event));
});
beforeEach(async () => {
  await testDb().follow.deleteMany();
  await testDb().notification.deleteMany();
  await testDb().recordChange.deleteMany();
  heard.length = 0;
});
afterAll(async () => {
  unsubscribe?.();
  await webhookProcessor().idle();
  await served?.close();
  await f?.stop();
  await setCache(undefined);
});

type Role = "viewer" | "agent" | "admin";
const followTicket = (as: Role) =>
  follow(
    jsonRequest("/api/follows", {
      method: "POST",
      headers: f.users[as].headers,
      body: {
        connection: f.connectionId,
        record: `ticket:${ticket.id}`,
        contactId: ticket.contactId,
        label: `Ticket #${ticket.ticketNumber}: ${ticket.title}`,
        following: true,
      },
    }),
  );
const bell = async (as: Role) =>
  (await (await notifications(jsonRequest("/api/notifications", { headers: f.users[as].headers }))).json()) as {
    unread: number;
    data: { id: string; title: string; href: string; read: boolean; eventType: string }[];
  };
const emit = (event: string, data: unknown) => f.control("POST", "webhooks/emit", { event, data });

describe("following a ticket", () => {
  it("shows a notification within 2 s of the simulator sending an event about it, for a viewer too", async () => {
    expect((await followTicket("viewer")).status).toBe(200);
    const started = Date.now();
    await emit("ticket.update", { ...ticket, status: "closed" });
    await waitUntil(async () => (await bell("viewer")).unread === 1, "the notification", 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    const { data } = await bell("viewer");
    expect(data[0]).toMatchObject({
      title: `Ticket #${ticket.ticketNumber}: ${ticket.title}: updated`,
      href: `/tickets/${ticket.id}`,
      eventType: "ticket.updated",
      read: false,
    });
    // The bell of that user, on whichever instance, is told at once; ids only.
    expect(heard).toContainEqual(
      expect.objectContaining({
        type: "notification.created",
        id: f.users.viewer.user.id,
        connectionId: f.connectionId,
      }),
    );
    // Someone who follows nothing hears of nothing.
    expect((await bell("admin")).unread).toBe(0);
  });

  it("notifies the ticket's followers of an inbound message from its contact", async () => {
    await followTicket("agent");
    await emit("message.inbound", { id: `msg-${Date.now()}`, contactId: ticket.contactId, message: "Any news?" });
    await waitUntil(async () => (await bell("agent")).unread === 1, "the inbound message notification", 2_000);
    expect((await bell("agent")).data[0].title).toMatch(/new message from the contact$/);
  });

  it("does not tell the author about K-LINK's echo of their own change, but tells the other followers", async () => {
    await followTicket("agent");
    await followTicket("viewer");
    const changed = await f.call("PATCH", `/api/klink/v1/tickets/${ticket.id}`, {
      as: "agent",
      via: "session",
      body: { title: `${ticket.title} (edited)` },
    });
    expect(changed.status).toBe(200);
    await waitUntil(async () => (await bell("viewer")).unread === 1, "the viewer's notification", 2_000);
    await webhookProcessor().idle();
    expect((await bell("agent")).unread).toBe(0);
  });

  it("adds no second notification when a delivery is processed again", async () => {
    await followTicket("viewer");
    await emit("ticket.update", ticket);
    await waitUntil(async () => (await bell("viewer")).unread === 1, "the notification", 2_000);
    const delivery = await testDb().webhookDelivery.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
    expect(await webhookProcessor().replay(delivery.id)).toMatchObject({ kind: "done", status: "processed" });
    expect((await bell("viewer")).unread).toBe(1);
  });
});

describe("a batch of events", () => {
  it("tells each event's own followers only, with one collision record per event, whatever else the batch holds", async () => {
    await followTicket("viewer"); // the ticket, and through it its contact's inbound messages
    const other = (await f.call("GET", "/api/klink/v1/tickets?page=2&pageSize=1")).json as {
      data: { id: string; contactId: string }[];
    };
    const otherTicket = other.data[0];
    expect(otherTicket.contactId).not.toBe(ticket.contactId);
    const at = new Date().toISOString();
    const event = (type: string, fields: Partial<LiveEvent>, n: number): LiveEvent => ({
      type,
      connectionId: f.connectionId,
      deliveryId: `batch-${Date.now()}-${n}`,
      at,
      ...fields,
    });
    const published: LiveEvent[] = [];
    await onWebhookEvents(
      [
        event("ticket.updated", { id: otherTicket.id }, 1), // nobody follows it
        event("ticket.updated", { id: ticket.id }, 2), // the viewer's ticket
        event("message.inbound", { contactId: otherTicket.contactId }, 3), // another contact
        event("message.inbound", { contactId: ticket.contactId }, 4), // the viewer's ticket's contact
        event("contact.updated", { id: ticket.contactId }, 5), // a contact nobody follows itself
      ],
      async (notice) => void published.push(notice),
    );
    const { data } = await bell("viewer");
    expect(data.map((n) => n.eventType).sort()).toEqual(["message.inbound", "ticket.updated"]);
    expect((await bell("agent")).unread).toBe(0);
    expect(published.filter((e) => e.type === "notification.created")).toHaveLength(2);
    const changes = await testDb().recordChange.findMany({ where: { source: "klink" } });
    expect(changes.map((c) => `${c.resourceType}:${c.resourceId}:${c.kind}`).sort()).toEqual(
      [
        `ticket:${otherTicket.id}:update`,
        `ticket:${ticket.id}:update`,
        `contact:${otherTicket.contactId}:inbound`,
        `contact:${ticket.contactId}:inbound`,
        `contact:${ticket.contactId}:update`,
      ].sort(),
    );
  });
});

describe("following automatically", () => {
  it("follows the contact an agent messages, and the ticket an agent creates", async () => {
    const sent = await f.call("POST", "/api/klink/v1/messages/send", {
      as: "agent",
      via: "session",
      body: { contactId: seeds.contactId, messageType: "text", message: "Hello" },
    });
    expect(sent.status).toBeLessThan(300);
    const created = await f.call("POST", "/api/klink/v1/tickets", {
      as: "agent",
      via: "session",
      body: {
        title: "Auto-followed",
        description: "x",
        status: "open",
        priority: "high",
        contact_id: seeds.contactId,
        channel: "email",
      },
    });
    expect(created.status).toBe(201);
    const newId = (created.json as { data: { id: string } }).data.id;
    const follows = await testDb().follow.findMany({ where: { userId: f.users.agent.user.id } });
    expect(follows.map((row) => [row.resourceType, row.resourceId, row.auto]).sort()).toEqual(
      [
        ["contact", seeds.contactId, true],
        ["ticket", newId, true],
      ].sort(),
    );
    expect(follows.find((row) => row.resourceType === "ticket")?.label).toMatch(/^Ticket #\d+: Auto-followed$/);
  });
});

describe("notifications", () => {
  it("are marked read when opened, belong to their user alone, and are purged after the retention", async () => {
    await followTicket("viewer");
    await emit("ticket.update", ticket);
    await waitUntil(async () => (await bell("viewer")).unread === 1, "the notification", 2_000);
    const [item] = (await bell("viewer")).data;

    const foreign = await markRead(
      jsonRequest("/api/notifications/read", {
        method: "POST",
        headers: f.users.agent.headers,
        body: { ids: [item.id] },
      }),
    );
    expect(await foreign.json()).toEqual({ marked: 0 });
    expect((await bell("viewer")).unread).toBe(1);

    const own = await markRead(
      jsonRequest("/api/notifications/read", {
        method: "POST",
        headers: f.users.viewer.headers,
        body: { ids: [item.id] },
      }),
    );
    expect(await own.json()).toEqual({ marked: 1 });
    expect((await bell("viewer")).data[0].read).toBe(true);

    // Opening the ticket's page marks what is about it read.
    await emit("ticket.update", { ...ticket, status: "pending" });
    await waitUntil(async () => (await bell("viewer")).unread === 1, "the second notification", 2_000);
    const opened = await markRead(
      jsonRequest("/api/notifications/read", {
        method: "POST",
        headers: f.users.viewer.headers,
        body: { connection: f.connectionId, record: `ticket:${ticket.id}` },
      }),
    );
    expect(await opened.json()).toEqual({ marked: 1 });
    expect((await bell("viewer")).unread).toBe(0);

    expect(await purgeNotifications(30, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await purgeNotifications(30, new Date(Date.now() + 31 * 86_400_000))).toBe(2);
  });

  it("are followed and unfollowed by hand with an audit record, and refuse a made-up record", async () => {
    await testDb().auditLog.deleteMany();
    await followTicket("viewer");
    const stop = await follow(
      jsonRequest("/api/follows", {
        method: "POST",
        headers: f.users.viewer.headers,
        body: { connection: f.connectionId, record: `ticket:${ticket.id}`, label: "x", following: false },
      }),
    );
    expect(await stop.json()).toEqual({ following: false });
    const audit = await testDb().auditLog.findMany({
      where: { targetId: ticket.id, action: { startsWith: "follow." } },
    });
    expect(audit.map((row) => row.action).sort()).toEqual(["follow.create", "follow.delete"]);
    const bad = await follow(
      jsonRequest("/api/follows", {
        method: "POST",
        headers: f.users.viewer.headers,
        body: { connection: f.connectionId, record: "invoice:1/../2", label: "x", following: true },
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields).toHaveProperty(["body.record"]);
  });
});

describe.skipIf(Boolean(redisTarget.skipReason))(
  `notifications across two instances over Redis${redisSuiteNote}`,
  () => {
    it("reach the user's bell on the other instance as soon as the processing instance stores them", async () => {
      const channel = `${testKeyPrefix}live-events:${Date.now()}`;
      const processing = createRedisEventBus({ url: redisTarget.url!, channel });
      const serving = createRedisEventBus({ url: redisTarget.url!, channel });
      try {
        await Promise.all([processing.ready(), serving.ready()]);
        const onServing: LiveEvent[] = [];
        serving.subscribe((event) => onServing.push(event));
        await followTicket("viewer");
        await onWebhookEvents(
          [
            {
              type: "ticket.updated",
              id: ticket.id,
              connectionId: f.connectionId,
              deliveryId: `delivery-${Date.now()}`,
              at: new Date().toISOString(),
            },
          ],
          (event) => processing.publish(event),
        );
        await waitUntil(
          () => onServing.some((e) => e.type === "notification.created" && e.id === f.users.viewer.user.id),
          "the notification event on the serving instance",
          2_000,
        );
        // What that event makes the bell read is already stored.
        expect((await bell("viewer")).unread).toBe(1);
      } finally {
        await Promise.all([processing.close(), serving.close()]);
      }
    });
  },
);
