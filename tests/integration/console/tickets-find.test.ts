// The ticket locator against the simulator over a real socket: K-LINK has no "get ticket by id",
// so findTicket looks through the ticket listing (100 a page, newest first, a few pages at a
// time, bounded), through the same data layer as every page.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import type { ConsolePage } from "../../../lib/doors/console-page";
import { FIND_TICKET_MAX_PAGES, findTicket, findTicketByNumber } from "../../../lib/console/find-ticket";
import {
  forgetStoredTicketNumbers,
  learn,
  learnFromEvent,
  ticketIdOf,
  ticketNumberOf,
} from "../../../lib/klink-data/ticket-number-index";
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
async function ticketOnPage(page: number): Promise<{ id: string; title: string; ticketNumber: number }> {
  const response = await fetch(`${fixture.sim.url}/api/v1/tickets?page=${page}&pageSize=100`, {
    headers: { authorization: `Bearer ${SIM_TOKEN}` },
  });
  const listing = (await response.json()) as { data: { id: string; title: string; ticketNumber: number }[] };
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

  it("finds a ticket any listing has shown with ONE keyword search by its number, the id checked", async () => {
    // Page 12 was read by the scan above: every ticket on it was learnt.
    const wanted = await ticketOnPage(12);
    await expect.poll(() => ticketNumberOf(fixture.connectionId, wanted.id)).toBe(wanted.ticketNumber);
    expect(await ticketIdOf(fixture.connectionId, wanted.ticketNumber)).toBe(wanted.id);
    const since = (await listingRequests(0)).at(-1)?.seq ?? 0;
    const found = await findTicket(pageFor(fixture.connectionId), wanted.id);
    expect(found).toMatchObject({ status: "found", via: "number", pagesRead: 1, ticket: { id: wanted.id } });
    expect((await listingRequests(since)).map((r) => r.query)).toEqual([
      { keyword: String(wanted.ticketNumber), page: "1", pageSize: "100" },
    ]);
  });

  it("scans as before when the number it holds no longer leads to the ticket, and for a ticket never seen", async () => {
    const wanted = await ticketOnPage(13);
    forgetStoredTicketNumbers();
    await learn(fixture.connectionId, [{ id: wanted.id, ticketNumber: 7 }]);
    const found = await findTicket(pageFor(fixture.connectionId), wanted.id);
    expect(found).toMatchObject({ status: "found", via: "scan", ticket: { id: wanted.id } });
    // Another connection has learnt nothing: its index is its own.
    const other = await fixture.addConnection(`sim-unseen-${Date.now()}`, fixture.sim.url);
    expect(await ticketNumberOf(other, wanted.id)).toBeUndefined();
    expect(await findTicket(pageFor(other), wanted.id)).toMatchObject({ status: "found", via: "scan" });
  });

  it("learns a ticket's number from a ticket event", async () => {
    const id = randomUUID();
    learnFromEvent(fixture.connectionId, "ticket.create", { id, ticketNumber: "123456", title: "From a webhook" });
    learnFromEvent(fixture.connectionId, "contact.create", { id: "c-1", ticketNumber: 5 });
    await expect.poll(() => ticketNumberOf(fixture.connectionId, id)).toBe(123456);
    expect(await ticketNumberOf(fixture.connectionId, "c-1")).toBeUndefined();
  });

  it("opens a ticket by its number (/tickets/<number>), seen before or not", async () => {
    const wanted = await ticketOnPage(19);
    const found = await findTicketByNumber(pageFor(fixture.connectionId), wanted.ticketNumber);
    expect(found).toMatchObject({ status: "found", ticket: { id: wanted.id, ticketNumber: wanted.ticketNumber } });
    expect(await findTicketByNumber(pageFor(fixture.connectionId), 4_242_424)).toMatchObject({ status: "not_found" });
  });

  it("answers not found after reading every page of a listing within the bound, naming how many tickets it searched", async () => {
    const found = await findTicket(pageFor(fixture.connectionId), randomUUID());
    expect(found).toMatchObject({ status: "not_found", pagesRead: 20, searched: 2000, total: 2000 });
    expect(found.status === "not_found" && found.message).toContain("among the 2,000 tickets");
    expect(FIND_TICKET_MAX_PAGES).toBe(50);
  });

  it("stops at its page bound for a ticket never seen and says that older tickets cannot be opened by id", async () => {
    const wanted = await ticketOnPage(5);
    // A connection that has never shown this ticket (the main one has: its number would find it).
    const unseen = await fixture.addConnection(`sim-bound-${Date.now()}`, fixture.sim.url);
    const found = await findTicket(pageFor(unseen), wanted.id, { maxPages: 3 });
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
