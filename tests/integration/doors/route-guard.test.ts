import { beforeAll, describe, expect, it } from "vitest";
import { route } from "../../../lib/doors/route";
import { db } from "../../../lib/db/client";
import { resetDatabase } from "../../helpers/db";
import {
  browserHeaders,
  createTestApiKey,
  createTestUser,
  jsonRequest,
  sessionCookieFor,
  type TestUser,
} from "../../helpers/auth";

const echo = route({ access: "agent" }, async ({ actor }) => Response.json({ actor }));
const write = route({ access: "agent" }, async ({ actor, audit }) => {
  await audit({
    action: "test.write",
    outcome: "success",
    target: { type: "thing", id: "t1" },
    before: { token: "kpt_secretsecret1234" },
  });
  return Response.json({ ok: true, by: actor.userId });
});

let viewer: TestUser;
let agent: TestUser;

beforeAll(async () => {
  await resetDatabase();
  viewer = await createTestUser("viewer");
  agent = await createTestUser("agent");
});

async function errorOf(res: Response) {
  const body = await res.json();
  expect(body).toMatchObject({ status: "error", requestId: expect.any(String) });
  return body as { code: string; message: string };
}

describe("the route wrapper's authentication", () => {
  it("answers 401 JSON to a request without credentials", async () => {
    const res = await echo(jsonRequest("/x"));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthorized");
  });

  it("answers 401 to a forged or garbled session cookie", async () => {
    const res = await echo(
      jsonRequest("/x", {
        headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..bad.bad.bad" },
      }),
    );
    expect(res.status).toBe(401);
  });

  it("lets a session of a high enough role through and hands the handler its actor", async () => {
    const res = await echo(jsonRequest("/x", { headers: { cookie: await sessionCookieFor(agent) } }));
    expect(res.status).toBe(200);
    expect((await res.json()).actor).toEqual({
      type: "user",
      userId: agent.id,
      email: agent.email,
      name: agent.name,
      role: "agent",
    });
  });

  it("answers 403 JSON to a lower role and records the denial", async () => {
    const res = await echo(jsonRequest("/x", { headers: { cookie: await sessionCookieFor(viewer) } }));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
    const denial = await db().auditLog.findFirst({ where: { action: "auth.access_denied", actorId: viewer.id } });
    expect(denial).toMatchObject({ outcome: "denied", actorRole: "viewer" });
  });

  it("refuses the session of a deactivated user", async () => {
    const gone = await createTestUser("admin", { status: "disabled" });
    const res = await echo(jsonRequest("/x", { headers: { cookie: await sessionCookieFor(gone) } }));
    expect(res.status).toBe(401);
  });
});

describe("personal API keys on the route wrapper", () => {
  it("authenticate with the owner's role", async () => {
    const { id, key } = await createTestApiKey(agent.id);
    const res = await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }));
    expect(res.status).toBe(200);
    expect((await res.json()).actor).toMatchObject({ type: "api_key", userId: agent.id, role: "agent", apiKeyId: id });
  });

  it("carry the owner's role, not more", async () => {
    const { key } = await createTestApiKey(viewer.id);
    expect((await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }))).status).toBe(403);
  });

  it("are refused once revoked", async () => {
    const { key } = await createTestApiKey(agent.id, { revokedAt: new Date() });
    const res = await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/revoked/);
  });

  it("are refused once expired", async () => {
    const { key } = await createTestApiKey(agent.id, { expiresAt: new Date(Date.now() - 1000) });
    const res = await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired/);
  });

  it("are refused without the kc_ prefix, even when the rest is a real key", async () => {
    const { key } = await createTestApiKey(agent.id);
    const res = await echo(jsonRequest("/x", { headers: { authorization: `Bearer xx_${key.slice(3)}` } }));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/kc_/);
  });

  it("are refused when unknown", async () => {
    const res = await echo(jsonRequest("/x", { headers: { authorization: `Bearer kc_${"A".repeat(43)}` } }));
    expect(res.status).toBe(401);
  });

  it("are refused when their owner is deactivated", async () => {
    const owner = await createTestUser("admin", { status: "disabled" });
    const { key } = await createTestApiKey(owner.id);
    expect((await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }))).status).toBe(401);
  });

  it("record when they were last used", async () => {
    const { id, key } = await createTestApiKey(agent.id);
    await echo(jsonRequest("/x", { headers: { authorization: `Bearer ${key}` } }));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("the same-origin check on cookie-authenticated writes", () => {
  it("refuses a write whose Origin is another site", async () => {
    const headers = { cookie: await sessionCookieFor(agent), origin: "https://evil.example" };
    const res = await write(jsonRequest("/x", { method: "POST", headers }));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("cross_origin");
  });

  it("refuses a write with neither Origin nor Referer", async () => {
    const res = await write(
      jsonRequest("/x", { method: "DELETE", headers: { cookie: await sessionCookieFor(agent) } }),
    );
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("cross_origin");
  });

  it("accepts a write from the console's own origin", async () => {
    const res = await write(jsonRequest("/x", { method: "PATCH", headers: await browserHeaders(agent) }));
    expect(res.status).toBe(200);
  });

  it("falls back to the Referer when there is no Origin", async () => {
    const headers = { cookie: await sessionCookieFor(agent), referer: "http://localhost:3000/admin/users" };
    expect((await write(jsonRequest("/x", { method: "PUT", headers }))).status).toBe(200);
    const foreign = { cookie: await sessionCookieFor(agent), referer: "http://localhost:3001/admin/users" };
    expect((await write(jsonRequest("/x", { method: "PUT", headers: foreign }))).status).toBe(403);
  });

  it("accepts the request's own host when it differs from NEXTAUTH_URL", async () => {
    const req = new Request("http://console.internal:8080/x", {
      method: "POST",
      headers: { cookie: await sessionCookieFor(agent), origin: "http://console.internal:8080" },
    });
    expect((await write(req)).status).toBe(200);
  });

  it("does not apply to API-key calls, which browsers cannot forge", async () => {
    const { key } = await createTestApiKey(agent.id);
    const res = await write(
      jsonRequest("/x", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, origin: "https://evil.example" },
      }),
    );
    expect(res.status).toBe(200);
  });

  it("lets reads through from anywhere", async () => {
    const res = await echo(
      jsonRequest("/x", { headers: { cookie: await sessionCookieFor(agent), origin: "https://evil.example" } }),
    );
    expect(res.status).toBe(200);
  });
});

describe("ctx.audit", () => {
  it("records the actor, address, user agent, method, path and request id, with secrets masked", async () => {
    const headers = {
      ...(await browserHeaders(agent)),
      "x-forwarded-for": "198.51.100.250, 203.0.113.9",
      "user-agent": "vitest",
      "x-request-id": "req-audit-0001",
    };
    const res = await write(jsonRequest("/things/t1", { method: "POST", headers }));
    expect(res.status).toBe(200);
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "test.write", requestId: "req-audit-0001" } });
    expect(row).toMatchObject({
      actorType: "user",
      actorId: agent.id,
      actorEmail: agent.email,
      actorRole: "agent",
      ip: "203.0.113.9",
      userAgent: "vitest",
      method: "POST",
      path: "/things/t1",
      targetType: "thing",
      targetId: "t1",
      outcome: "success",
    });
    expect(JSON.stringify(row.before)).not.toContain("secretsecret");
  });
});
