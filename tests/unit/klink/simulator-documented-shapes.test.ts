// The simulator speaks the documented shapes: its ticket is exactly the verbatim Ticket Create
// page's object (same keys, same order, same nesting), every documented example's keys are in its
// answers, and no answer differs from the registry's description. Its shape variants (--variants,
// POST /__sim/variants) answer the other shapes a tenant might send, without touching its data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findDrift } from "../../../lib/klink/find-drift";
import { endpoints, type EndpointName } from "../../../lib/klink/registry";
import { startSimulator } from "../../../lib/klink/simulator";
import { SHAPE_VARIANTS, UNKNOWN_FIELD } from "../../../lib/klink/simulator/variants";
import { fixture, keyStructure, ticketCreatePageExample } from "../../helpers/klink-docs";
import { startHarness, REFERENCE_TIME, TOKEN, type Harness } from "../../helpers/simulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.control("POST", "reset");
});
afterAll(async () => {
  await h?.stop();
});

type Json = Record<string, unknown> & { data: never };

async function klink(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${h.sim.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Json;
}

/** Key paths of `example` that `actual` lacks (arrays: each example item against the first actual item). */
function missingKeys(example: unknown, actual: unknown, path = ""): string[] {
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [path];
    return example.length && actual.length ? missingKeys(example[0], actual[0], `${path}[]`) : [];
  }
  if (example && typeof example === "object") {
    if (!actual || typeof actual !== "object") return [path];
    return Object.entries(example).flatMap(([key, child]) =>
      key in actual
        ? missingKeys(child, (actual as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}`],
    );
  }
  return [];
}

const cxRange = `selectedDate=${encodeURIComponent("2026/01/01 00:00:00-2026/01/30 23:59:59")}`;
const inBangkok = { headers: { "x-client-timezone": "Asia/Bangkok" } };

/** One call per registry endpoint, as K-LINK's own paths. */
async function everyEndpoint(): Promise<[EndpointName, Json][]> {
  const contacts = await klink("/api/v1/contacts?pageSize=20");
  const contact = (contacts.data as { id: string; platformContacts: { socialPlatformId: string }[] }[])[0];
  const ticket = ((await klink("/api/v1/tickets?pageSize=1")).data as { id: string }[])[0];
  const tag = ((await klink("/api/v1/tags")).data as { id: string }[])[0];
  const fresh = (await klink("/api/v1/contacts", { method: "POST", body: { name: "To delete" } })).data as {
    id: string;
  };
  const calls: [EndpointName, string, Parameters<typeof klink>[1]?][] = [
    ["contacts.list", "/api/v1/contacts?pageSize=100"],
    [
      "contacts.create",
      "/api/v1/contacts",
      { method: "POST", body: { name: "N", customFields: { cf_membership: "gold" } } },
    ],
    ["contacts.bySocialId", `/api/v1/contacts/social/${contact.platformContacts[0].socialPlatformId}`],
    ["contacts.fields", "/api/v1/contacts/fields?pageSize=100"],
    ["contacts.get", `/api/v1/contacts/${contact.id}`],
    ["contacts.update", `/api/v1/contacts/${contact.id}`, { method: "PATCH", body: { notes: "n" } }],
    ["contacts.delete", `/api/v1/contacts/${fresh.id}`, { method: "DELETE" }],
    ["contacts.groups", "/api/v1/contacts/groups?pageSize=100"],
    [
      "contacts.updateTags",
      `/api/v1/contacts/${contact.id}/tags`,
      { method: "PATCH", body: { actionType: "MERGE", tags: ["vip"] } },
    ],
    ["tags.list", "/api/v1/tags?pageSize=100"],
    ["channels.list", "/api/v1/channels?pageSize=100"],
    ["channels.create", "/api/v1/channels", { method: "POST", body: { name: "Desk", type: "custom" } }],
    ["tickets.list", "/api/v1/tickets?pageSize=100"],
    [
      "tickets.create",
      "/api/v1/tickets",
      {
        method: "POST",
        body: { title: "T", contact_id: contact.id, tags: [tag.id], customFields: { cf_trackingid: "X" } },
      },
    ],
    ["tickets.byContact", `/api/v1/tickets/contact/${contact.id}?pageSize=100`],
    ["tickets.fields", "/api/v1/tickets/fields?pageSize=100"],
    ["tickets.update", `/api/v1/tickets/${ticket.id}`, { method: "PATCH", body: { priority: "high" } }],
    ["tickets.updateStatus", `/api/v1/tickets/${ticket.id}/status`, { method: "PUT", body: { status: "pending" } }],
    ["categories.list", "/api/v1/categories"],
    ["cxLogs.list", `/api/v1/cx-logs?${cxRange}&pageSize=100`, inBangkok],
    ["messages.send", "/api/v1/messages/send", { method: "POST", body: { contactId: contact.id, message: "Hi" } }],
  ];
  const answers: [EndpointName, Json][] = [];
  for (const [name, path, init] of calls) answers.push([name, await klink(path, init)]);
  return answers;
}

describe("the simulator's ticket is the Ticket Create page's object", () => {
  it("a created ticket has exactly the page's keys, in its order, with its nesting", async () => {
    const contact = ((await klink("/api/v1/contacts?pageSize=1")).data as { id: string }[])[0];
    const tag = ((await klink("/api/v1/tags")).data as { id: string }[])[0];
    const created = await klink("/api/v1/tickets", {
      method: "POST",
      body: {
        ...fixture<object>("tickets-create.body.json"),
        contact_id: contact.id,
        tags: [tag.id],
        customFields: { cf_trackingid: "Id-1001", cf_date: "2025-10-23" },
      },
    });
    expect(keyStructure(created)).toEqual(keyStructure(ticketCreatePageExample()));
  });

  it("so is every listed ticket that has an assignee, a contact, tags and custom fields", async () => {
    const listing = await klink("/api/v1/tickets?pageSize=100");
    const full = (listing.data as Record<string, unknown[] | null>[]).filter(
      (t) => t.assignee && t.contact && t.tags?.length && t.customFields?.length,
    );
    expect(full.length).toBeGreaterThan(0);
    for (const ticket of full) expect(keyStructure(ticket)).toEqual(keyStructure(ticketCreatePageExample().data));
  });
});

describe("every other endpoint follows its documented example", () => {
  // Sic in the docs (shared/klink-api/README.md §10.10): the simulator spells the field as every
  // other record does.
  const TYPO = ".cxLogs.data[].firstAssignee.deletedaAt";

  it("has every key of each documented example in its answer", async () => {
    const answers = new Map(await everyEndpoint());
    const contactWithCompany = (
      (await klink("/api/v1/contacts?pageSize=100")).data as { id: string; company: unknown }[]
    ).find((c) => c.company)!;
    const documented: [string, unknown][] = [
      ["contacts-list-old-docs.response.json", answers.get("contacts.list")],
      ["pagination-envelope.response.json", answers.get("contacts.list")],
      ["contacts-fields.response.json", answers.get("contacts.fields")],
      ["contacts-get.response.json", await klink(`/api/v1/contacts/${contactWithCompany.id}`)],
      ["contacts-update-tags.response.json", answers.get("contacts.updateTags")],
      ["tickets-list.response.json", answers.get("tickets.list")],
      ["tickets-create.response.json", answers.get("tickets.create")],
      ["categories-list.response.json", answers.get("categories.list")],
      ["cx-logs-list-new.response.json", answers.get("cxLogs.list")],
      ["cx-logs-list-old.response.json", answers.get("cxLogs.list")],
      ["messages-send.response.json", answers.get("messages.send")],
    ];
    for (const [file, answer] of documented) {
      expect({ file, missing: missingKeys(fixture(file), answer).filter((p) => p !== TYPO) }).toEqual({
        file,
        missing: [],
      });
    }
  });

  it("answers every endpoint exactly as the registry describes it: no drift", async () => {
    for (const [name, answer] of await everyEndpoint())
      expect({ name, drift: findDrift(endpoints[name].response, answer) }).toEqual({ name, drift: [] });
  });
});

describe("shape variants", () => {
  it("are off by default, listed by the control API, and switched on and off at run time", async () => {
    expect(await h.control("GET", "variants")).toEqual({ enabled: [], available: [...SHAPE_VARIANTS] });
    expect(await h.control("POST", "variants", { variants: ["numbers-as-strings"] })).toMatchObject({
      enabled: ["numbers-as-strings"],
    });
    expect((await klink("/api/v1/tickets?pageSize=2")).total).toBe("2000");
    await h.control("POST", "variants", { variants: "none" });
    expect((await klink("/api/v1/tickets?pageSize=2")).total).toBe(2000);
    await expect(h.control("POST", "variants", { variants: ["no-such-variant"] })).rejects.toThrow(/400/);
  });

  it("answer every shape the issue lists, the same record always the same way, and never change the data", async () => {
    await h.control("POST", "variants", { variants: "all" });
    const first = await klink("/api/v1/tickets?pageSize=100");
    expect(await klink("/api/v1/tickets?pageSize=100")).toEqual(first);
    const tickets = first.data as Record<string, unknown>[];
    expect(first).toMatchObject({ total: "2000", page: "1", pageSize: "100", [UNKNOWN_FIELD]: "kept" });
    const some = (test: (t: Record<string, unknown>) => boolean) => expect(tickets.some(test)).toBe(true);
    some((t) => typeof t.ticketNumber === "string" && t[UNKNOWN_FIELD] === "kept");
    some((t) => !Array.isArray(t.customFields) && typeof t.customFields === "object" && t.customFields !== null);
    some((t) => Array.isArray(t.custom_fields) && !("customFields" in t));
    some((t) => !("description" in t) && !("assignee" in t) && !("contact" in t));
    some((t) => t.description === null && t.contact === null && t.tags === null);
    some((t) => JSON.stringify(t.contact) === "{}" && (t.assignee === null || JSON.stringify(t.assignee) === "{}"));

    await h.control("POST", "variants", { variants: "none" });
    const documented = await klink("/api/v1/tickets?pageSize=100");
    expect(findDrift(endpoints["tickets.list"].response, documented)).toEqual([]);
  });

  it("are on from the start with the variants option (--variants), and a reset comes back to it", async () => {
    const sim = await startSimulator({ tokens: [TOKEN], referenceTime: REFERENCE_TIME, variants: "all" });
    try {
      const info = async () => (await (await fetch(`${sim.url}/__sim/variants`)).json()) as { enabled: string[] };
      expect((await info()).enabled).toEqual([...SHAPE_VARIANTS]);
      await fetch(`${sim.url}/__sim/variants`, { method: "POST", body: JSON.stringify({ variants: "none" }) });
      expect((await info()).enabled).toEqual([]);
      await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
      expect((await info()).enabled).toEqual([...SHAPE_VARIANTS]);
    } finally {
      await sim.stop();
    }
  });
});
