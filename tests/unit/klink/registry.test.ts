// The endpoint registry: the working contract's 21 endpoints, and the request rules it encodes.
import { describe, expect, it } from "vitest";
import { cacheTags } from "../../../lib/klink/cache-tags";
import type { EndpointDef } from "../../../lib/klink/endpoint-def";
import { matchEndpoint } from "../../../lib/klink/match-endpoint";
import { buildPath, endpointNames, endpoints, pathParamNames, type EndpointName } from "../../../lib/klink/registry";

/** shared/klink-api/README.md §13: method, path, documented (true) or assumed (false). */
const CONTRACT: Record<EndpointName, [string, string, boolean]> = {
  "contacts.list": ["GET", "/api/v1/contacts", true],
  "contacts.create": ["POST", "/api/v1/contacts", false],
  "contacts.bySocialId": ["GET", "/api/v1/contacts/social/{socialPlatformId}", false],
  "contacts.fields": ["GET", "/api/v1/contacts/fields", true],
  "contacts.get": ["GET", "/api/v1/contacts/{id}", true],
  "contacts.update": ["PATCH", "/api/v1/contacts/{id}", false],
  "contacts.delete": ["DELETE", "/api/v1/contacts/{id}", false],
  "contacts.groups": ["GET", "/api/v1/contacts/groups", false],
  "contacts.updateTags": ["PATCH", "/api/v1/contacts/{id}/tags", true],
  "tags.list": ["GET", "/api/v1/tags", false],
  "channels.list": ["GET", "/api/v1/channels", false],
  "channels.create": ["POST", "/api/v1/channels", false],
  "tickets.list": ["GET", "/api/v1/tickets", true],
  "tickets.create": ["POST", "/api/v1/tickets", true],
  "tickets.byContact": ["GET", "/api/v1/tickets/contact/{contactId}", false],
  "tickets.fields": ["GET", "/api/v1/tickets/fields", false],
  "tickets.update": ["PATCH", "/api/v1/tickets/{id}", false],
  "tickets.updateStatus": ["PUT", "/api/v1/tickets/{id}/status", false],
  "categories.list": ["GET", "/api/v1/categories", true],
  "cxLogs.list": ["GET", "/api/v1/cx-logs", true],
  "messages.send": ["POST", "/api/v1/messages/send", true],
};

const all = Object.values(endpoints) as EndpointDef[];
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("the endpoint registry", () => {
  it("has exactly the 21 endpoints of the working contract, with their methods, paths and verified flags", () => {
    expect([...endpointNames].sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const name of endpointNames) {
      const def = endpoints[name];
      expect([def.name, def.method, def.path, def.verified]).toEqual([name, ...CONTRACT[name]]);
    }
  });

  it("declares a params schema with exactly the path's placeholders", () => {
    for (const def of all) {
      expect(Object.keys(def.params?.shape ?? {}).sort(), def.name).toEqual(pathParamNames(def.path).sort());
    }
  });

  it("gives reads to viewers, writes to agents, and contact delete and channel create to admins only", () => {
    for (const def of all) {
      const expected =
        def.method === "GET" ? "viewer" : ["contacts.delete", "channels.create"].includes(def.name) ? "admin" : "agent";
      expect(def.role, def.name).toBe(expected);
    }
  });

  it("caches every read (reference lists for minutes, tickets and contacts for seconds) and audits and invalidates every write", () => {
    for (const def of all) {
      if (def.method === "GET") {
        expect(def.cache, def.name).toBeDefined();
        expect(def.invalidates ?? def.audit ?? def.body, def.name).toBeUndefined();
      } else {
        expect(def.cache, def.name).toBeUndefined();
        expect(def.audit?.action, def.name).toMatch(/^[a-z]+\.[a-z_]+$/);
        expect(def.invalidates, def.name).toBeDefined();
      }
    }
    expect(endpoints["tags.list"].cache.ttlSeconds).toBeGreaterThanOrEqual(60);
    expect(endpoints["tickets.fields"].cache.ttlSeconds).toBeGreaterThanOrEqual(60);
    expect(endpoints["tickets.list"].cache.ttlSeconds).toBeLessThan(60);
    expect(endpoints["contacts.get"].cache.ttlSeconds).toBeLessThan(60);
  });

  it("names the cache tags a write makes stale", () => {
    const created = endpoints["tickets.create"].invalidates(
      { body: { contact_id: "c1" } },
      { success: true, data: { id: "t9", contactId: "c1" } },
    );
    expect(created).toEqual([cacheTags.ticketsList(), cacheTags.contactTickets("c1")]);
    const status = endpoints["tickets.updateStatus"].invalidates(
      { params: { id: "t9" } },
      { success: true, data: { id: "t9", contactId: "c2" } },
    );
    expect(status).toEqual(
      expect.arrayContaining([cacheTags.ticket("t9"), cacheTags.ticketsList(), cacheTags.contactTickets("c2")]),
    );
    const updated = endpoints["contacts.update"].invalidates({ params: { id: "c1" } });
    expect(updated).toEqual(
      expect.arrayContaining([cacheTags.contact("c1"), cacheTags.contactsList(), cacheTags.contactSocialLookups()]),
    );
    // Every social-id lookup carries the tag a contact change drops (the owner is not in the key).
    expect(endpoints["contacts.bySocialId"].cache.tags()).toEqual([cacheTags.contactSocialLookups()]);
    expect(endpoints["tickets.byContact"].cache.tags({ params: { contactId: "c1" } })).toEqual([
      cacheTags.contactTickets("c1"),
      cacheTags.ticketsList(),
    ]);
    expect(endpoints["tickets.updateStatus"].audit.target({ params: { id: "t9" } })).toEqual({
      type: "ticket",
      id: "t9",
    });
  });

  it("builds paths with URL-encoded params and matches paths back to endpoints, literals first", () => {
    expect(buildPath("/api/v1/tickets/{id}/status", { id: "a/b" })).toBe("/api/v1/tickets/a%2Fb/status");
    expect(matchEndpoint("GET", "/api/v1/contacts/fields")).toEqual({ name: "contacts.fields", params: {} });
    expect(matchEndpoint("GET", "/api/v1/contacts/groups")).toEqual({ name: "contacts.groups", params: {} });
    expect(matchEndpoint("GET", "/api/v1/contacts/abc")).toEqual({ name: "contacts.get", params: { id: "abc" } });
    expect(matchEndpoint("GET", "/api/v1/tickets/contact/c1")).toEqual({
      name: "tickets.byContact",
      params: { contactId: "c1" },
    });
    expect(matchEndpoint("PUT", "/api/v1/tickets/a%2Fb/status")).toEqual({
      name: "tickets.updateStatus",
      params: { id: "a/b" },
    });
    expect(matchEndpoint("POST", "/api/v1/contacts/abc")).toBeUndefined();
  });
});

describe("request rules", () => {
  const ticketBody = endpoints["tickets.create"].body;

  it("rejects a custom field key without the cf_ prefix", () => {
    const result = ticketBody.safeParse({ title: "t", contact_id: "c", customFields: { trackingid: "x" } });
    expect(issuesOf(result)).toEqual([
      "customFields.trackingid: custom field keys must start with cf_ (for example cf_customer_id)",
    ]);
    const contact = endpoints["contacts.create"].body.safeParse({
      name: "n",
      customFields: [{ name: "customer_id", value: "1" }],
    });
    expect(issuesOf(contact)).toEqual([
      "customFields.0.name: custom field keys must start with cf_ (for example cf_customer_id)",
    ]);
  });

  it("rejects a date custom field that is not YYYY-MM-DD, including impossible dates", () => {
    for (const value of ["23/10/2025", "2025/10/23", "2025-10-23T00:00:00Z", "2025-02-30"]) {
      const result = ticketBody.safeParse({ title: "t", contact_id: "c", customFields: { cf_date: value } });
      expect(issuesOf(result), value).toEqual([
        "customFields.cf_date: date custom fields must be an ISO date YYYY-MM-DD (for example 2025-10-23)",
      ]);
    }
    expect(
      ticketBody.safeParse({
        title: "t",
        contact_id: "c",
        customFields: { cf_date: "2024-02-29", cf_note: "call back 3 times" },
      }).success,
    ).toBe(true);
  });

  it("requires contact_id in snake_case on ticket create, and says so", () => {
    expect(issuesOf(ticketBody.safeParse({ title: "t", contactId: "c" }))).toEqual([
      "contact_id: is required (ticket create takes contact_id in snake_case)",
    ]);
    expect(issuesOf(endpoints["tickets.update"].body.safeParse({ contactId: "c" }))).toEqual([
      "contactId: ticket update takes contact_id (snake_case), not contactId",
    ]);
  });

  it("accepts pageSize 1 to 100 (strings coerced) and rejects 0 and 101", () => {
    const query = endpoints["tickets.list"].query;
    expect(query.parse({ page: "2", pageSize: "100", status: "open" })).toEqual({
      page: 2,
      pageSize: 100,
      status: "open",
    });
    expect(query.parse({ pageSize: 1 })).toEqual({ pageSize: 1 });
    for (const pageSize of ["0", "101", 101, "1.5", "ten"]) {
      expect(issuesOf(query.safeParse({ pageSize })), String(pageSize)).toEqual([
        "pageSize: must be a whole number between 1 and 100",
      ]);
    }
    expect(issuesOf(query.safeParse({ page: "0" }))).toEqual(["page: must be a whole number of 1 or more"]);
  });

  it("requires x-client-timezone (an IANA zone) and a well-formed selectedDate range for CX logs", () => {
    const { headers, query } = endpoints["cxLogs.list"];
    expect(issuesOf(headers.safeParse({}))).toEqual([
      "x-client-timezone: is required: the IANA time zone of selectedDate, e.g. Asia/Bangkok",
    ]);
    expect(issuesOf(headers.safeParse({ "x-client-timezone": "Bangkok" }))).toEqual([
      "x-client-timezone: must be an IANA time zone such as Asia/Bangkok",
    ]);
    expect(headers.safeParse({ "x-client-timezone": "Asia/Yangon" }).success).toBe(true);
    expect(query.safeParse({}).success).toBe(false);
    for (const selectedDate of [
      "2025-04-01",
      "2025/04/25 00:00:00-2025/04/01 00:00:00",
      "2025/02/30 00:00:00-2025/03/01 00:00:00",
    ]) {
      expect(query.safeParse({ selectedDate }).success, selectedDate).toBe(false);
    }
  });

  it("passes unknown body fields and unknown query parameters through to K-LINK, still validating the known ones", () => {
    expect(ticketBody.parse({ title: "t", contact_id: "c", categoryId: "cat-1" })).toMatchObject({
      categoryId: "cat-1",
    });
    expect(endpoints["contacts.list"].query.parse({ keyword: "kyaw", sort: "name", tag: ["a", "b"] })).toEqual({
      keyword: "kyaw",
      sort: "name",
      tag: ["a", "b"],
    });
    expect(endpoints["tickets.list"].query.parse({ page: "2", assignee: "me" })).toEqual({ page: 2, assignee: "me" });
    expect(endpoints["tickets.list"].query.safeParse({ pageSize: "101", assignee: "me" }).success).toBe(false);
    for (const name of endpointNames) {
      const query = (endpoints[name] as { query?: { parse(v: unknown): unknown } }).query;
      if (query && name !== "cxLogs.list")
        expect(query.parse({ extra: "kept" }), name).toMatchObject({ extra: "kept" });
    }
  });

  it("rejects an empty update and an unknown update-tags action", () => {
    expect(issuesOf(endpoints["contacts.update"].body.safeParse({}))).toEqual([": send at least one field to change"]);
    expect(issuesOf(endpoints["contacts.updateTags"].body.safeParse({ actionType: "DROP", tags: [] }))).toEqual([
      "actionType: must be MERGE, REPLACE or REMOVE",
    ]);
  });
});
