// The audit log for admins: filtered, cursor-paged JSON and a streamed CSV export.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "../../../app/api/admin/audit/route";
import { GET as exportCsv } from "../../../app/api/admin/audit/export/route";
import { recordAudit } from "../../../lib/audit/record-audit";
import { signedInAs } from "../../helpers/auth";
import { resetDatabase, testDb } from "../../helpers/db";

let admin: Awaited<ReturnType<typeof signedInAs>>;
let agent: Awaited<ReturnType<typeof signedInAs>>;

const req = (path: string, key: string) =>
  new Request(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  await resetDatabase();
  admin = await signedInAs("admin");
  agent = await signedInAs("agent");
  const actor = { type: "user" as const, id: agent.user.id, email: agent.user.email, role: "agent" };
  for (let i = 0; i < 6; i++) {
    await recordAudit({
      action: i % 2 ? "ticket.update" : "contact.update",
      outcome: i === 5 ? "failure" : "success",
      actor,
      target: { id: `t${i}` },
      connectionId: i < 3 ? "c1" : "c2",
    });
  }
  await testDb().auditLog.updateMany({
    where: { targetId: "t0" },
    data: { createdAt: new Date("2025-06-01T10:00:00Z") },
  });
});

describe("GET /api/admin/audit", () => {
  it("is for admins only", async () => {
    expect((await list(req("/api/admin/audit", agent.apiKey))).status).toBe(403);
  });

  it("filters by actor, action, target, connection, outcome and time range", async () => {
    const get = async (query: string) =>
      (
        (await (await list(req(`/api/admin/audit?${query}`, admin.apiKey))).json()) as { data: { targetId: string }[] }
      ).data.map((r) => r.targetId);
    expect(await get("action=ticket.update")).toEqual(["t5", "t3", "t1"]);
    expect(await get(`actor=${encodeURIComponent(agent.user.email)}&connection=c1`)).toEqual(["t2", "t1", "t0"]);
    expect(await get("target=t4")).toEqual(["t4"]);
    expect(await get("outcome=failure")).toEqual(["t5"]);
    expect(await get("to=2025-06-01")).toEqual(["t0"]);
    expect(await get("from=2025-06-02&connection=c1")).toEqual(["t2", "t1"]);
  });

  it("finds what a script did with one API key when the actor filter is that key's id", async () => {
    const keyActor = {
      type: "api_key" as const,
      id: agent.user.id,
      email: agent.user.email,
      role: "agent",
      apiKeyId: "key-of-agent-script",
    };
    await recordAudit({
      action: "ticket.update",
      outcome: "success",
      actor: keyActor,
      target: { id: "by-key" },
      connectionId: "c9",
    });
    const get = async (query: string) =>
      (
        (await (await list(req(`/api/admin/audit?${query}`, admin.apiKey))).json()) as { data: { targetId: string }[] }
      ).data.map((r) => r.targetId);
    expect(await get("actor=key-of-agent-script")).toEqual(["by-key"]);
    expect(await get(`actor=${agent.user.id}&connection=c9`)).toEqual(["by-key"]);
    await testDb().auditLog.deleteMany({ where: { targetId: "by-key" } });
  });

  it("pages with a cursor, newest first", async () => {
    const query = `limit=2&actor=${agent.user.id}&action=ticket.update`;
    const first = (await (await list(req(`/api/admin/audit?${query}`, admin.apiKey))).json()) as {
      data: { targetId: string }[];
      nextCursor: string;
    };
    expect(first.data.map((r) => r.targetId)).toEqual(["t5", "t3"]);
    const second = (await (
      await list(req(`/api/admin/audit?${query}&cursor=${first.nextCursor}`, admin.apiKey))
    ).json()) as { data: { targetId: string }[]; nextCursor: null };
    expect(second.data.map((r) => r.targetId)).toEqual(["t1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 400 with field errors for bad filters", async () => {
    const answer = await list(req("/api/admin/audit?from=yesterday&outcome=maybe&limit=0", admin.apiKey));
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { fields: Record<string, string[]> };
    expect(Object.keys(body.fields).sort()).toEqual(["query.from", "query.limit", "query.outcome"]);
  });
});

describe("GET /api/admin/audit/export", () => {
  it("streams the filtered log as CSV and records the export", async () => {
    const answer = await exportCsv(req("/api/admin/audit/export?action=contact.update", admin.apiKey));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(
      /^attachment; filename="klink-console-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await answer.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^createdAt,id,actorType/);
    expect(lines.slice(1).map((l) => l.split(",")[10])).toEqual(["t4", "t2", "t0"]);
    expect(await testDb().auditLog.count({ where: { action: "audit.export", actorId: admin.user.id } })).toBe(1);
  });

  it("is for admins only", async () => {
    expect((await exportCsv(req("/api/admin/audit/export", agent.apiKey))).status).toBe(403);
  });
});
