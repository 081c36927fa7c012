// What a ticket page shows after K-LINK reports a change: the console's real webhook route (with
// its real processor) drops the cached listing pages, so the next read — the page re-rendered by
// the live event — shows the change instead of the cached ticket.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "../../../app/api/webhooks/klink/[connectionId]/route";
import type { Actor } from "../../../lib/identity/actor";
import type { ConsolePage } from "../../../lib/doors/console-page";
import { findTicket } from "../../../lib/console/find-ticket";
import { ticketNumberOf } from "../../../lib/klink-data/ticket-number-index";
import { insertConnection } from "../../../lib/connections/create-connection";
import { resetDatabase, testDb } from "../../helpers/db";
import { waitFor } from "../../../scripts/console-process";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { SECRET, sign } from "../../helpers/webhook-kit";

let fixture: ProxyFixture;
let page: ConsolePage;

beforeAll(async () => {
  await resetDatabase();
  fixture = await startProxyFixture();
  const connection = await insertConnection(
    {
      name: `sim-webhooks-${Date.now()}`,
      baseUrl: fixture.sim.url,
      token: SIM_TOKEN,
      webhook: { mode: "hmac", secret: SECRET },
    },
    async () => "",
  );
  const { user } = fixture.users.viewer;
  const actor: Actor = { type: "user", userId: user.id, email: user.email, name: user.name, role: "viewer" };
  page = {
    actor,
    connection: { choices: [], active: null },
    connectionId: connection.id,
    requestId: randomUUID(),
    can: { write: false, admin: false },
  };
});
afterAll(async () => fixture?.stop());

const klink = async <T>(path: string, init: { method?: string; body?: unknown } = {}) =>
  (await (
    await fetch(`${fixture.sim.url}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${SIM_TOKEN}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  ).json()) as T;

describe("a ticket after a K-LINK webhook about it", () => {
  it("is read fresh once the delivery is processed, though its listing page was cached", async () => {
    const listing = await klink<{ data: { id: string; status: string }[] }>("/api/v1/tickets?pageSize=5");
    const ticket = listing.data.find((t) => t.status !== "closed")!;
    expect(await findTicket(page, ticket.id)).toMatchObject({ status: "found", ticket: { status: ticket.status } });
    // Seen once, the ticket is found by its number from then on: that search is cached too.
    await expect.poll(() => ticketNumberOf(page.connectionId!, ticket.id)).toBeDefined();
    expect(await findTicket(page, ticket.id)).toMatchObject({ via: "number", ticket: { status: ticket.status } });

    // Changed in K-LINK: the console still answers from its cache until K-LINK tells it.
    const changed = await klink<{ data: Record<string, unknown> }>(`/api/v1/tickets/${ticket.id}/status`, {
      method: "PUT",
      body: { status: "closed" },
    });
    expect(await findTicket(page, ticket.id)).toMatchObject({ ticket: { status: ticket.status } });

    const body = JSON.stringify({ event: "ticket.update", timestamp: new Date().toISOString(), data: changed.data });
    const connectionId = page.connectionId!;
    const answer = await webhookRoute(
      new Request(`http://localhost:3000/api/webhooks/klink/${connectionId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-signature": sign(body) },
        body,
      }),
      {
        params: Promise.resolve({ connectionId }),
      },
    );
    expect(answer.status).toBe(200);
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({
          where: { connectionId, subjectId: ticket.id, status: "processed" },
        })) === 1,
      5_000,
    );

    expect(await findTicket(page, ticket.id)).toMatchObject({
      status: "found",
      via: "number",
      ticket: { status: "closed" },
    });
  });
});
