// CSV exports of the ticket and contact lists against the simulator over a real socket: every
// matching row read 100 at a time through the data layer, custom fields as columns named by their
// display names, a BOM, formula cells defused, the row cap, cancellation, the export role, and one
// audit record per export (who, filter, rows).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as contactsExport from "../../../app/api/exports/contacts.csv/route";
import * as ticketsExport from "../../../app/api/exports/tickets.csv/route";
import { resetEnvCache } from "../../../lib/env";
import type { Role } from "../../../lib/identity/roles";
import { resetDatabase, testDb } from "../../helpers/db";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

let fixture: ProxyFixture;

beforeAll(async () => {
  await resetDatabase();
  fixture = await startProxyFixture();
});
afterAll(async () => fixture?.stop());
beforeEach(() => {
  delete process.env.EXPORT_MAX_ROWS;
  delete process.env.EXPORT_MIN_ROLE;
  resetEnvCache();
});

type Kind = "tickets" | "contacts";
const handlers = { tickets: ticketsExport.GET, contacts: contactsExport.GET };

function exportRequest(kind: Kind, query: string, role: Role, via: "key" | "session" = "key"): Request {
  const user = fixture.users[role];
  const headers: Record<string, string> =
    via === "key" ? { authorization: `Bearer ${user.apiKey}` } : { ...user.headers };
  return new Request(`http://localhost:3000/api/exports/${kind}.csv${query}`, { headers });
}

async function exportCsv(kind: Kind, query = "", role: Role = "agent") {
  const response = await handlers[kind](exportRequest(kind, query, role));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, bytes, text };
}

const rowsOf = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });

async function klinkListing(path: string): Promise<{ total: number; data: Record<string, unknown>[] }> {
  const response = await fetch(`${fixture.sim.url}${path}`, { headers: { authorization: `Bearer ${SIM_TOKEN}` } });
  return (await response.json()) as never;
}

async function lastExportAudit(action: string) {
  return testDb().auditLog.findFirstOrThrow({ where: { action }, orderBy: { createdAt: "desc" } });
}

async function listingRequestsSince(seq: number) {
  const { data } = await fixture.control<{ data: { seq: number; query: Record<string, string> }[] }>(
    "GET",
    `requests?endpoint=tickets.list&since=${seq}`,
  );
  return data;
}

describe("GET /api/exports/tickets.csv", () => {
  it("exports all 2 000 simulator tickets with custom-field columns by display name, a BOM, read 100 a page, and audits it", async () => {
    const before = (await listingRequestsSince(0)).at(-1)?.seq ?? 0;
    const { response, bytes, text } = await exportCsv("tickets");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-export-total")).toBe("2000");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const pages = (await listingRequestsSince(before)).filter((r) => r.query.pageSize === "100");
    expect(pages.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );

    const rows = rowsOf(text);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2000);
    const header = Object.keys(rows[0]);
    expect(header).toEqual(
      expect.arrayContaining([
        "ticketNumber",
        "title",
        "status",
        "Tracking ID",
        "Incident date",
        "Product",
        "Order value",
      ]),
    );
    expect(header).not.toContain("cf_trackingid");
    // The values under the custom columns are K-LINK's own.
    const sample = (await klinkListing("/api/v1/tickets?page=1&pageSize=100")).data.find((t) =>
      (t.customFields as { attribute: { systemName: string } }[]).some(
        (f) => f.attribute.systemName === "cf_trackingid",
      ),
    )!;
    const tracking = (sample.customFields as { textValue: string; attribute: { systemName: string } }[]).find(
      (f) => f.attribute.systemName === "cf_trackingid",
    )!.textValue;
    expect(rows.find((r) => r.id === sample.id)!["Tracking ID"]).toBe(tracking);

    const audit = await lastExportAudit("tickets.export");
    expect(audit).toMatchObject({ outcome: "success", actorEmail: fixture.users.agent.user.email });
    expect(audit.details).toMatchObject({ filter: {}, rows: 2000, total: 2000, truncated: false, status: "complete" });
  });

  it("exports only the tickets matching the list's filters and records the filter", async () => {
    const expected = await klinkListing("/api/v1/tickets?status=open&priority=high&pageSize=1");
    const { text } = await exportCsv("tickets", "?status=open&priority=high&sort=title&page=3");
    const rows = rowsOf(text);
    expect(rows).toHaveLength(expected.total);
    expect(rows.every((r) => r.status === "open" && r.priority === "high")).toBe(true);
    const audit = await lastExportAudit("tickets.export");
    expect(audit.details).toMatchObject({ filter: { status: "open", priority: "high" }, rows: expected.total });
  });

  it("defuses cells a spreadsheet would run as a formula", async () => {
    const contact = (await klinkListing("/api/v1/contacts?pageSize=1")).data[0];
    await fetch(`${fixture.sim.url}/api/v1/tickets`, {
      method: "POST",
      headers: { authorization: `Bearer ${SIM_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        title: '=HYPERLINK("http://evil.example","click")',
        description: "@SUM(1+1)",
        contact_id: contact.id,
        customFields: { cf_trackingid: "+1-555" },
      }),
    });
    const { text } = await exportCsv("tickets", `?keyword=${encodeURIComponent("evil.example")}`);
    const [row] = rowsOf(text);
    expect(row.title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row.description).toBe("'@SUM(1+1)");
    expect(row["Tracking ID"]).toBe("'+1-555");
  });

  it("stops at EXPORT_MAX_ROWS and says so in the audit record", async () => {
    process.env.EXPORT_MAX_ROWS = "150";
    resetEnvCache();
    const { response, text } = await exportCsv("tickets");
    expect(response.headers.get("x-export-rows")).toBe("150");
    expect(rowsOf(text)).toHaveLength(150);
    const audit = await lastExportAudit("tickets.export");
    expect(audit.details).toMatchObject({ rows: 150, truncated: true, status: "complete" });
  });

  it("records a cancelled export with the rows written so far", async () => {
    const response = await handlers.tickets(exportRequest("tickets", "", "admin"));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const audit = await lastExportAudit("tickets.export");
    expect(audit).toMatchObject({ outcome: "failure", actorEmail: fixture.users.admin.user.email });
    expect(audit.details).toMatchObject({ status: "cancelled", total: 2000 });
    expect((audit.details as { rows: number }).rows).toBeLessThan(2000);
  });

  it("records an export whose client went away before the answer began as cancelled, with no rows", async () => {
    const client = new AbortController();
    client.abort();
    const { headers } = exportRequest("tickets", "?status=pending", "agent");
    await handlers.tickets(
      new Request("http://localhost:3000/api/exports/tickets.csv?status=pending", { headers, signal: client.signal }),
    );
    const audit = await lastExportAudit("tickets.export");
    expect(audit).toMatchObject({ outcome: "failure" });
    expect(audit.details).toMatchObject({ status: "cancelled", rows: 0, filter: { status: "pending" } });
  });

  it("refuses viewers by default (EXPORT_MIN_ROLE=agent), audited; lets them export when the minimum is viewer", async () => {
    const refused = await exportCsv("tickets", "", "viewer");
    expect(refused.response.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ code: "forbidden" });
    expect(await lastExportAudit("tickets.export")).toMatchObject({
      outcome: "denied",
      actorEmail: fixture.users.viewer.user.email,
    });
    process.env.EXPORT_MIN_ROLE = "viewer";
    resetEnvCache();
    const allowed = await exportCsv("tickets", "?status=closed", "viewer");
    expect(allowed.response.status).toBe(200);
  });

  it("answers 400 with field messages for a bad filter or connection, and 401 without credentials", async () => {
    const long = await exportCsv("tickets", `?keyword=${"x".repeat(201)}`);
    expect(long.response.status).toBe(400);
    expect(JSON.parse(long.text).fields).toHaveProperty(["query.keyword"]);
    const unknown = await exportCsv("tickets", "?connection=nope");
    expect(unknown.response.status).toBe(404);
    expect(JSON.parse(unknown.text).fields).toHaveProperty(["query.connection"]);
    const anonymous = await ticketsExport.GET(new Request("http://localhost:3000/api/exports/tickets.csv"));
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /api/exports/contacts.csv", () => {
  it("exports every contact with Thai and Burmese intact and custom fields by display name, from a signed-in page", async () => {
    const total = (await klinkListing("/api/v1/contacts?pageSize=1")).total;
    const response = await handlers.contacts(exportRequest("contacts", "", "agent", "session"));
    expect(response.status).toBe(200);
    const rows = rowsOf(await response.text());
    expect(rows).toHaveLength(total);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["name", "emails", "Customer ID", "Membership"]));
    expect(rows.some((r) => /[\u0E00-\u0E7F]/.test(r.notes + r.address))).toBe(true);
    expect(rows.some((r) => /[\u1000-\u109F]/.test(r.notes + r.address))).toBe(true);
    const audit = await lastExportAudit("contacts.export");
    expect(audit.details).toMatchObject({ rows: total, status: "complete" });
  });

  it("exports only the contacts matching the search keyword", async () => {
    const expected = await klinkListing("/api/v1/contacts?keyword=gold&pageSize=100");
    const { text } = await exportCsv("contacts", "?keyword=gold");
    expect(
      rowsOf(text)
        .map((r) => r.id)
        .sort(),
    ).toEqual(expected.data.map((c) => c.id).sort());
  });
});
