// The ticket locator against the simulator over a real socket: K-LINK has no "get ticket by id",
// so findTicket looks through the ticket listing (100 a page, newest first, a few pages at a
// time, bounded), through the same data layer as every page.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import type { ConsolePage } from "../../../lib/doors/console-page";
import { FIND_TICKET_MAX_PAGES, findTicket } from "../../../lib/console/find-ticket";
import { resetDatabase } from "../../helpers/db";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

let fixture: ProxyFixture;
let viewer: Actor;

beforeAll(async () => {
  await resetDatabase();
  fixture = await startProxyFixture();
  const { user } = fixture.users.viewer;
  viewer = { type: "user", userId: user.id, email: user.email, name: user.name, role: "viewer" };
});
afterAll(async () => fixture?.stop());

const pageFor = (connectionId: string): ConsolePage => ({
  actor: viewer,
  connection: { choices: [], active: null },
  connectionId,
  requestId: randomUUID(),
  can: { write: false, admin: false },
});

/** A ticket as K-LINK itself lists it, on a given listing page of 100. */
async function ticketOnPage(page: number): Promise<{ id: string; title: string }> {
  const response = await fetch(`${fixture.sim.url}/api/v1/tickets?page=${page}&pageSize=100`, {
    headers: { authorization: `Bearer ${SIM_TOKEN}` },
  });
  const listing = (await response.json()) as { data: { id: string; title: string }[] };
  return listing.data[42];
}

async function listingRequests(since: number): Promise<{ seq: number; query: Record<string, string> }[]> {
  return (
    await fixture.control<{ data: { seq: number; query: Record<string, string> }[] }>(
      "GET",
      `requests?endpoint=tickets.list&since=${since}`,
    )
  ).data;
}

describe("findTicket", () => {
  it("finds a recent ticket on the first listing page, reading that page only", async () => {
    const wanted = await ticketOnPage(1);
    const found = await findTicket(pageFor(fixture.connectionId), wanted.id);
    expect(found).toMatchObject({ status: "found", pagesRead: 1, ticket: { id: wanted.id, title: wanted.title } });
  });

  it("finds an old ticket deep in the listing, reading pages of 100 a few at a time and stopping once found", async () => {
    const wanted = await ticketOnPage(14);
    const since = (await listingRequests(0)).at(-1)?.seq ?? 0;
    const found = await findTicket(pageFor(fixture.connectionId), wanted.id);
    expect(found).toMatchObject({ status: "found", ticket: { id: wanted.id } });
    // Pages 2–5, 6–9, 10–13, 14–17: the batch holding page 14 is the last one read.
    expect(found.status === "found" && found.pagesRead).toBe(17);
    const requests = (await listingRequests(since)).filter((r) => r.query.pageSize === "100");
    expect(requests.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 2),
    );
  });

  it("answers not found after reading every page of a listing within the bound, naming how many tickets it searched", async () => {
    const found = await findTicket(pageFor(fixture.connectionId), randomUUID());
    expect(found).toMatchObject({ status: "not_found", pagesRead: 20, searched: 2000, total: 2000 });
    expect(found.status === "not_found" && found.message).toContain("among the 2,000 tickets");
    expect(FIND_TICKET_MAX_PAGES).toBe(50);
  });

  it("stops at its page bound and says that older tickets cannot be opened by id", async () => {
    const wanted = await ticketOnPage(5);
    const found = await findTicket(pageFor(fixture.connectionId), wanted.id, { maxPages: 3 });
    expect(found).toMatchObject({ status: "not_found", pagesRead: 3, searched: 300, total: 2000 });
    expect(found.status === "not_found" && found.message).toMatch(
      /newest 300 of 2,000 tickets.*cannot look a ticket up by its id/,
    );
  });

  it("reports a failed read, with the request id, instead of claiming the ticket does not exist", async () => {
    // Its own connection, so nothing cached for the main one answers in K-LINK's place.
    const other = await fixture.addConnection(`sim-failing-${Date.now()}`, fixture.sim.url);
    const fault = await fixture.control<{ id: string }>("POST", "faults", {
      pathPattern: "/api/v1/tickets",
      method: "GET",
      status: 503,
    });
    try {
      const page = pageFor(other);
      const found = await findTicket(page, randomUUID());
      expect(found).toMatchObject({ status: "failed", failure: { requestId: page.requestId } });
      expect(found.status === "failed" && found.failure.status).toBeGreaterThanOrEqual(500);
    } finally {
      await fixture.control("DELETE", `faults/${fault.id}`);
    }
  });
});
