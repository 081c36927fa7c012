import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record-audit";
import { listAudit } from "../../../lib/audit/list-audit";
import { resetDatabase, testDb } from "../../helpers/db";

describe("audit log repository", () => {
  beforeEach(resetDatabase);

  it("stores an entry with secrets in the details masked", async () => {
    const id = await recordAudit({
      action: "connection.create",
      outcome: "success",
      actor: { type: "user", id: "u1", email: "ada@example.com", role: "admin" },
      target: { type: "connection", id: "c1" },
      details: { name: "Main", token: "kpt_abcdefghijklmnop1234", webhook: { secret: "whsec-very-secret-value" } },
    });
    const row = await testDb().auditLog.findUniqueOrThrow({ where: { id } });
    const details = JSON.stringify(row.details);
    expect(details).toContain("kpt_…1234");
    expect(details).not.toContain("abcdefghijklmnop");
    expect(details).not.toContain("very-secret");
    expect(row.actorEmail).toBe("ada@example.com");
  });

  it("filters and pages newest first with a cursor", async () => {
    for (let i = 0; i < 5; i++) {
      await recordAudit({
        action: i % 2 ? "ticket.update" : "contact.update",
        outcome: "success",
        target: { id: `t${i}` },
      });
    }
    const first = await listAudit({}, { limit: 2 });
    expect(first.data.map((r) => r.targetId)).toEqual(["t4", "t3"]);
    const second = await listAudit({}, { limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((r) => r.targetId)).toEqual(["t2", "t1"]);
    const third = await listAudit({}, { limit: 2, cursor: second.nextCursor! });
    expect(third.data.map((r) => r.targetId)).toEqual(["t0"]);
    expect(third.nextCursor).toBeNull();
    const tickets = await listAudit({ action: "ticket.update" });
    expect(tickets.data.map((r) => r.targetId)).toEqual(["t3", "t1"]);
  });
});
