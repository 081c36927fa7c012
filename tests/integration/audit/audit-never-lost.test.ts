// An audit record can never fail to store because of what the caller sent: text is made storable
// (lone surrogates and NUL become U+FFFD, long text is cut) and, should the full record still be
// refused, a minimal one takes its place. On SQLite and on PostgreSQL (whose jsonb refuses both).
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record-audit";
import { resetDatabase, testDb } from "../../helpers/db";

beforeEach(resetDatabase);

const LONE = "\ud800";

describe("recordAudit with hostile input", () => {
  it("stores lone surrogates and NUL in every column and JSON field as U+FFFD", async () => {
    const id = await recordAudit({
      action: "contact.update",
      outcome: "success",
      actor: { type: "user", id: `u${LONE}`, email: `a${LONE}@x.test`, role: "agent" },
      target: { type: "contact", id: `c${LONE}\u0000` },
      method: "PATCH",
      path: `/api/klink/v1/contacts/c${LONE}`,
      requestId: "req-audit-lone-1",
      userAgent: `agent\u0000${LONE}`,
      details: { body: { name: `n${LONE}`, [`k${LONE}`]: "\u0000" } },
      after: { data: { id: `c${LONE}`, tags: [LONE] } },
    });
    const row = await testDb().auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      actorId: "u\ufffd",
      actorEmail: "a\ufffd@x.test",
      targetId: "c\ufffd\ufffd",
      path: "/api/klink/v1/contacts/c\ufffd",
      userAgent: "agent\ufffd\ufffd",
      requestId: "req-audit-lone-1",
    });
    expect(row.details).toEqual({ body: { name: "n\ufffd", "k\ufffd": "\ufffd" } });
    expect(row.after).toEqual({ data: { id: "c\ufffd", tags: ["\ufffd"] } });
  });

  it("cuts a 1 MB string in a request body and keeps the record", async () => {
    const id = await recordAudit({
      action: "ticket.create",
      outcome: "invalid",
      details: { body: { title: "x".repeat(1024 * 1024) } },
    });
    const row = await testDb().auditLog.findUniqueOrThrow({ where: { id } });
    const title = (row.details as { body: { title: string } }).body.title;
    expect(title.length).toBeLessThan(70 * 1024);
    expect(title).toMatch(/…\[\d+ more characters\]$/);
  });

  it("keeps deep nesting as far as it is useful and never overflows", async () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const id = await recordAudit({ action: "ticket.create", outcome: "invalid", details: { body: deep } });
    expect(await testDb().auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({ action: "ticket.create" });
  });

  it("falls back to a minimal record (action, actor, outcome, request id) when the full one cannot be built", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const id = await recordAudit({
      action: "user.update",
      outcome: "success",
      actor: { type: "user", id: "u-1", email: "admin@x.test", role: "admin" },
      target: { type: "user", id: "u-2" },
      requestId: "req-audit-fallback-1",
      // JSON cannot hold these: building the record's details throws.
      details: { count: 10n },
      after: circular,
    });
    const row = await testDb().auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      action: "user.update",
      outcome: "success",
      actorId: "u-1",
      actorEmail: "admin@x.test",
      targetId: "u-2",
      requestId: "req-audit-fallback-1",
      details: { auditFallback: true, reason: "TypeError" },
      after: null,
    });
  });
});
