// A K-LINK change the console did not make itself reaches it only as a webhook: processing that
// webhook must drop the cached reads it affects, so the same proxy GET asks K-LINK again. The
// production wiring end to end: the simulator changes its data and posts a signed delivery over a
// real socket, the real processor invalidates the real cache (memory and Redis), and the proxy
// route handler answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { getEventBus } from "../../../lib/events/get-event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { waitFor } from "../../../scripts/console-process";
import { resetDatabase, testDb } from "../../helpers/db";
import { backends } from "../../helpers/cache-backends";
import { deleteTestKeys } from "../../helpers/redis-for-tests";
import { samples, seedIds } from "../../helpers/endpoint-samples";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";

const SECRET = "whsec_invalidation_0123456789abcdef";

afterAll(deleteTestKeys);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`webhook processing on the ${backend.name} cache`, () => {
    let f: ProxyFixture;
    let consoleSide: ServedHandlers;
    let seeds: Awaited<ReturnType<typeof seedIds>>;

    /** A change made in K-LINK directly, as another K-LINK user would: the console learns of it only by webhook. */
    const changeInKlink = (method: string, path: string, body: unknown) =>
      fetch(`${f.sim.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${SIM_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const processed = (eventType: string) =>
      testDb().webhookDelivery.count({ where: { eventType, status: "processed" } });
    const xCache = async (path: string, headers?: Record<string, string>) =>
      (await f.call("GET", path, { as: "viewer", headers })).headers.get("x-cache");

    beforeAll(async () => {
      await resetDatabase();
      await setCache(backend.create());
      f = await startProxyFixture({ webhookSecret: SECRET });
      seeds = await seedIds(f);
      consoleSide = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
      await f.control("POST", "webhooks/targets", {
        url: `${consoleSide.url}/api/webhooks/klink/${f.connectionId}`,
        secret: SECRET,
      });
    });
    afterAll(async () => {
      await webhookProcessor().idle();
      await f?.stop();
      await consoleSide?.close();
      await setCache(undefined);
    });

    it("answers MISS for the same proxy GET after a simulator ticket change's webhook is processed", async () => {
      const list = "/api/klink/v1/tickets?pageSize=4&page=2";
      const ticket = `/api/klink/v1/tickets/contact/${seeds.contactId}`;
      await xCache(list);
      await xCache(ticket);
      expect([await xCache(list), await xCache(ticket)]).toEqual(["HIT", "HIT"]);
      const before = await processed("ticket.update");

      const tickets = (await (
        await fetch(`${f.sim.url}/api/v1/tickets/contact/${seeds.contactId}`, {
          headers: { authorization: `Bearer ${SIM_TOKEN}` },
        })
      ).json()) as { data: { id: string }[] };
      expect(
        (await changeInKlink("PUT", `/api/v1/tickets/${tickets.data[0].id}/status`, { status: "resolved" })).status,
      ).toBe(200);
      await waitFor(async () => (await processed("ticket.update")) === before + 1, 5_000);

      expect([await xCache(list), await xCache(ticket)]).toEqual(["MISS", "MISS"]);
    });

    it("answers MISS for a contact, its tickets and the social-id lookups after a simulator contact change's webhook is processed", async () => {
      const social = `/api/klink/v1/contacts/social/${encodeURIComponent(seeds.socialId)}`;
      const ownerId = ((await f.call("GET", social, { as: "viewer" })).json as { data: { id: string } }).data.id;
      const reads = [social, `/api/klink/v1/contacts/${ownerId}`, `/api/klink/v1/tickets/contact/${ownerId}`];
      for (const path of reads) await xCache(path);
      expect(await Promise.all(reads.map((path) => xCache(path)))).toEqual(["HIT", "HIT", "HIT"]);
      const before = await processed("contact.update");

      expect((await changeInKlink("PATCH", `/api/v1/contacts/${ownerId}`, { notes: "Changed in K-LINK" })).status).toBe(
        200,
      );
      await waitFor(async () => (await processed("contact.update")) === before + 1, 5_000);

      expect(await Promise.all(reads.map((path) => xCache(path)))).toEqual(["MISS", "MISS", "MISS"]);
    });

    it("answers MISS for the CX logs after a message webhook is processed", async () => {
      const cx = await samples["cxLogs.list"](f, seeds);
      await xCache(cx.path, cx.headers);
      expect(await xCache(cx.path, cx.headers)).toBe("HIT");
      const before = await processed("message.outbound");

      expect(
        (
          await changeInKlink("POST", "/api/v1/messages/send", {
            contactId: seeds.contactId,
            messageType: "text",
            message: "ทดสอบ",
          })
        ).status,
      ).toBe(200);
      await waitFor(async () => (await processed("message.outbound")) === before + 1, 5_000);

      expect(await xCache(cx.path, cx.headers)).toBe("MISS");
    });

    it("has invalidated by the time the live event arrives: a page re-reading on the event gets fresh data", async () => {
      const list = "/api/klink/v1/tickets?pageSize=3&page=5";
      await xCache(list);
      expect(await xCache(list)).toBe("HIT");
      const tickets = (await (
        await fetch(`${f.sim.url}/api/v1/tickets?pageSize=1&page=7`, {
          headers: { authorization: `Bearer ${SIM_TOKEN}` },
        })
      ).json()) as { data: { id: string }[] };
      const ticketId = tickets.data[0].id;

      // What an open page does: re-read as soon as the event names its ticket.
      const reread = new Promise<string | null>((resolve) => {
        const unsubscribe = getEventBus().subscribe((event: LiveEvent) => {
          if (event.type !== "ticket.updated" || event.id !== ticketId) return;
          unsubscribe();
          resolve(xCache(list));
        });
      });
      expect((await changeInKlink("PUT", `/api/v1/tickets/${ticketId}/status`, { status: "pending" })).status).toBe(
        200,
      );
      expect(await reread).toBe("MISS");
    });
  });
}
