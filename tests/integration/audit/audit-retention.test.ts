import { beforeEach, describe, expect, it } from "vitest";
import { auditCsvStream, csvCell } from "../../../lib/audit/audit-csv";
import { purgeAudit } from "../../../lib/audit/purge-audit";
import { recordAudit } from "../../../lib/audit/record-audit";
import { resetDatabase, testDb } from "../../helpers/db";

const DAY = 24 * 60 * 60 * 1000;

async function auditAt(daysAgo: number, action: string) {
  const id = await recordAudit({ action, outcome: "success", target: { id: `t-${daysAgo}` } });
  await testDb().auditLog.update({ where: { id }, data: { createdAt: new Date(Date.now() - daysAgo * DAY) } });
  return id;
}

describe("audit retention", () => {
  beforeEach(resetDatabase);

  it("deletes records older than the retention, keeps the rest, and audits the purge", async () => {
    await auditAt(400, "ticket.update");
    await auditAt(366, "contact.update");
    const kept = await auditAt(10, "ticket.create");
    expect(await purgeAudit({ retentionDays: 365 })).toBe(2);
    const rows = await testDb().auditLog.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["ticket.create", "audit.purge"]);
    expect(rows[0].id).toBe(kept);
    expect(rows[1]).toMatchObject({
      actorType: "system",
      details: expect.objectContaining({ deleted: 2, retentionDays: 365 }),
    });
  });

  it("deletes nothing, and records nothing, when every record is within the retention", async () => {
    await auditAt(1, "ticket.update");
    expect(await purgeAudit({ retentionDays: 30 })).toBe(0);
    expect(await testDb().auditLog.count()).toBe(1);
  });
});

describe("audit CSV export", () => {
  beforeEach(resetDatabase);

  async function csvOf(stream: ReadableStream<Uint8Array>): Promise<string> {
    return new Response(stream).text();
  }

  it("streams a header and one line per record across pages, newest first, with filters applied", async () => {
    await testDb().auditLog.createMany({
      data: Array.from({ length: 1_203 }, (_, i) => ({
        action: i % 3 ? "ticket.update" : "contact.update",
        outcome: "success",
        actorType: "system",
        targetId: `t${i}`,
      })),
    });
    const all = (await csvOf(auditCsvStream({}))).trimEnd().split("\r\n");
    expect(all[0]).toMatch(/^createdAt,id,actorType,/);
    expect(all).toHaveLength(1 + 1_203);
    const contacts = (await csvOf(auditCsvStream({ action: "contact.update" }))).trimEnd().split("\r\n");
    expect(contacts).toHaveLength(1 + 401);
  });

  it("quotes separators and defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell({ body: { status: "open" } })).toBe('"{""body"":{""status"":""open""}}"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});
