// A ticket's activity from the console's own records: webhook deliveries received through the
// real endpoint (which fills subjectId) and changes made through the real proxy (audited).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import { listTicketActivity } from "../../../lib/console/ticket-activity";
import { resetDatabase } from "../../helpers/db";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { hmacSettings, makeEndpoint, postSigned } from "../../helpers/webhook-kit";

let fixture: ProxyFixture;
let viewer: Actor;
let connectionId: string;
const OTHER_CONNECTION = "conn-elsewhere";
let endpoint: ReturnType<typeof makeEndpoint>;

beforeAll(async () => {
  await resetDatabase();
  fixture = await startProxyFixture();
  connectionId = fixture.connectionId;
  const { user } = fixture.users.viewer;
  viewer = { type: "user", userId: user.id, email: user.email, name: user.name, role: "viewer" };
  endpoint = makeEndpoint({
    settings: { [connectionId]: hmacSettings(connectionId), [OTHER_CONNECTION]: hmacSettings(OTHER_CONNECTION) },
  });
});
afterAll(async () => fixture?.stop());

// Recent: a delivery older than the retention window is recorded but never processed.
let clock = Date.now() - 3_600_000;
/** A delivery as K-LINK sends it: the whole ticket in `data`. */
function delivery(event: string, ticket: Record<string, unknown>): string {
  clock += 60_000;
  return JSON.stringify({ event, timestamp: new Date(clock).toISOString(), data: ticket });
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

async function deliver(connection: string, body: string) {
  const { res } = await postSigned(endpoint, connection, body);
  expect(res.status).toBe(200);
  await pause();
}

describe("listTicketActivity", () => {
  it("lists the deliveries about one ticket newest first, with what changed compared with the delivery before", async () => {
    const ticket = {
      id: "t-activity-1",
      contactId: "c-1",
      title: "Kettle leaks",
      status: "open",
      priority: "low",
      tags: [],
      customFields: {},
    };
    await deliver(connectionId, delivery("ticket.create", ticket));
    await deliver(connectionId, delivery("ticket.update", { ...ticket, status: "in progress", priority: "high" }));
    const duplicate = delivery("ticket.update", {
      ...ticket,
      status: "closed",
      priority: "high",
      tags: [{ id: "tag-1", name: "refund" }],
      customFields: { cf_date: "2026-01-29" },
    });
    await deliver(connectionId, duplicate);
    await deliver(connectionId, duplicate);
    // Deliveries about another ticket, or for another connection, are not this ticket's activity.
    await deliver(connectionId, delivery("ticket.update", { ...ticket, id: "t-other", status: "pending" }));
    await deliver(OTHER_CONNECTION, delivery("ticket.update", { ...ticket, status: "resolved" }));

    const { entries, truncated } = await listTicketActivity(viewer, { connectionId, ticketId: "t-activity-1" });
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.source, e.kind, e.state])).toEqual([
      ["webhook", "ticket.update", "pending"],
      ["webhook", "ticket.update", "pending"],
      ["webhook", "ticket.create", "pending"],
    ]);
    expect(entries[0].changes).toEqual([
      { field: "status", from: "in progress", to: "closed" },
      { field: "tags", from: "—", to: "refund" },
      { field: "cf_date", from: "—", to: "2026-01-29" },
    ]);
    expect(entries[1].changes).toEqual([
      { field: "status", from: "open", to: "in progress" },
      { field: "priority", from: "low", to: "high" },
    ]);
    expect(entries[2].changes).toEqual([
      { field: "status", to: "open" },
      { field: "priority", to: "low" },
      { field: "title", to: "Kettle leaks" },
    ]);
  });

  it("includes changes made through the console, with who made them and how K-LINK answered", async () => {
    const listing = (await (
      await fetch(`${fixture.sim.url}/api/v1/tickets?pageSize=1`, { headers: { authorization: `Bearer ${SIM_TOKEN}` } })
    ).json()) as { data: { id: string }[] };
    const ticketId = listing.data[0].id;
    const changed = await fixture.call("PUT", `/api/klink/v1/tickets/${ticketId}/status`, {
      as: "agent",
      via: "session",
      body: { status: "pending" },
    });
    expect(changed.status).toBe(200);
    const refused = await fixture.call("PUT", `/api/klink/v1/tickets/${ticketId}/status`, {
      as: "agent",
      via: "session",
      body: { status: "no such status" },
    });
    expect(refused.status).toBe(400);

    const { entries } = await listTicketActivity(viewer, { connectionId, ticketId });
    expect(entries.map((e) => [e.source, e.kind, e.state, e.actor])).toEqual([
      ["console", "ticket.update_status", "failure", fixture.users.agent.user.email],
      ["console", "ticket.update_status", "success", fixture.users.agent.user.email],
    ]);
    expect(entries[1].changes).toEqual([{ field: "status", to: "pending" }]);
    expect(entries[0].note).toContain("must be one of");
  });

  it("is bounded, and says when older entries were left out", async () => {
    const { entries, truncated } = await listTicketActivity(
      viewer,
      { connectionId, ticketId: "t-activity-1" },
      { limit: 2 },
    );
    expect(entries).toHaveLength(2);
    expect(truncated).toBe(true);
    // The oldest shown entry is still compared with the delivery before it.
    expect(entries[1].changes).toContainEqual({ field: "status", from: "open", to: "in progress" });
  });

  it("checks the caller's role in the data layer", async () => {
    const nobody = { ...viewer, role: "guest" } as unknown as Actor;
    await expect(listTicketActivity(nobody, { connectionId, ticketId: "t-activity-1" })).rejects.toMatchObject({
      status: 403,
    });
  });
});
