import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as testRoute } from "../../../app/api/admin/connections/[id]/test/route";
import { insertConnection } from "../../../lib/connections/create-connection";
import { systemAudit } from "../../../lib/audit/request-audit";
import { db } from "../../../lib/db/client";
import { startSimulator, type RunningSimulator } from "../../../lib/klink/simulator";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestUser, jsonRequest } from "../../helpers/auth";

const TOKEN = "kpt_ConnTestToken0123456789";
let sim: RunningSimulator;
let headers: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ tokens: [TOKEN] });
});
afterAll(() => sim?.stop());

beforeEach(async () => {
  await resetDatabase();
  headers = await browserHeaders(await createTestUser("admin"));
});

async function connectionTo(baseUrl: string, token = TOKEN) {
  return (await insertConnection({ name: `c-${Math.random().toString(36).slice(2)}`, baseUrl, token }, systemAudit()))
    .id;
}

async function runTest(id: string) {
  const res = await testRoute(jsonRequest(`/api/admin/connections/${id}/test`, { method: "POST", headers }), {
    params: Promise.resolve({ id }),
  });
  return { status: res.status, text: await res.text() };
}

describe("POST /api/admin/connections/{id}/test", () => {
  it("answers ok with latency when the simulator accepts the stored token, and audits it", async () => {
    const id = await connectionTo(sim.url);
    const { status, text } = await runTest(id);
    expect(status).toBe(200);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ result: "ok", status: 200 });
    expect(body.latencyMs).toEqual(expect.any(Number));
    expect(text).not.toContain(TOKEN);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "connection.test", targetId: id } });
    expect(audit).toMatchObject({ outcome: "success", connectionId: id, upstreamStatus: 200 });
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it("answers unauthorized with K-LINK's status when the token is wrong", async () => {
    const id = await connectionTo(sim.url, "kpt_WrongToken000000000");
    const { status, text } = await runTest(id);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ result: "unauthorized", status: 401 });
    expect(text).not.toContain("kpt_WrongToken");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "connection.test", targetId: id } })).toMatchObject({
      outcome: "failure",
      upstreamStatus: 401,
    });
  });

  it("answers unreachable when nothing listens at the base URL any more", async () => {
    const gone = await startSimulator({ tokens: [TOKEN] });
    await gone.stop();
    const id = await connectionTo(gone.url);
    const { status, text } = await runTest(id);
    expect(status).toBe(200);
    const body = JSON.parse(text);
    expect(body.result).toBe("unreachable");
    expect(body.status).toBeUndefined();
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "connection.test", targetId: id } })).toMatchObject({
      outcome: "failure",
    });
  });

  it("answers 404 for an unknown connection id", async () => {
    expect((await runTest("no-such-connection")).status).toBe(404);
  });
});
