// Sessions that end: a password, role or status change and "sign out everywhere" end every
// session of the user (on this instance at once, on the others within the user cache's seconds),
// and no session outlives SESSION_LIFETIME_SECONDS from its sign-in, however often next-auth
// re-issued its token. Real sign-ins through next-auth's routes, real cookies, the real database.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { PATCH as patchUser } from "../../../app/api/admin/users/[id]/route";
import { route } from "../../../lib/doors/route";
import { SESSION_ENDED } from "../../../lib/doors/authenticate-request";
import { db } from "../../../lib/db/client";
import { env, resetEnvCache } from "../../../lib/env";
import { USER_CACHE_TTL_MS } from "../../../lib/auth/current-user";
import { sessionCookieName } from "../../../lib/auth/session-token";
import { signOutEverywhere } from "../../../lib/users/sign-out-everywhere";
import { systemAudit } from "../../../lib/audit/request-audit";
import { waitFor } from "../../../scripts/console-process";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestUser, jsonRequest, type TestUser } from "../../helpers/auth";
import { credentialsSignIn, readSession, signOut } from "../../helpers/auth-flow";

const whoAmI = route({ access: "viewer" }, async ({ actor }) => Response.json(actor));
const asSession = (cookie: string) => whoAmI(jsonRequest("/me", { headers: { cookie } }));

let admin: TestUser;
let agent: TestUser;

beforeEach(async () => {
  await resetDatabase();
  admin = await createTestUser("admin");
  agent = await createTestUser("agent");
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.SESSION_LIFETIME_SECONDS;
  resetEnvCache();
});

async function signedIn(user: TestUser): Promise<string> {
  const { sessionCookie } = await credentialsSignIn(user.email, user.password);
  expect(sessionCookie).toBeDefined();
  expect((await asSession(sessionCookie!)).status).toBe(200);
  return sessionCookie!;
}

async function adminChanges(user: TestUser, body: Record<string, string>): Promise<void> {
  const req = jsonRequest(`/api/admin/users/${user.id}`, {
    method: "PATCH",
    headers: await browserHeaders(admin),
    body,
  });
  expect((await patchUser(req, { params: Promise.resolve({ id: user.id }) })).status).toBe(200);
}

async function expectEnded(cookie: string): Promise<void> {
  const res = await asSession(cookie);
  expect(res.status).toBe(401);
  expect((await res.json()).message).toBe(SESSION_ENDED);
  // next-auth's own session endpoint neither renews it nor names the user, and clears the cookie.
  expect(await readSession(cookie)).toEqual({ session: {}, sessionCookie: "" });
}

describe("a session ends", () => {
  for (const [change, body] of [
    ["a password change", { password: "a brand new password" }],
    ["a role change", { role: "viewer" }],
    ["a deactivation, and stays ended after reactivation", { status: "disabled" }],
  ] as const) {
    it(`after ${change} by an admin, on the user's next request`, async () => {
      const cookie = await signedIn(agent);
      await adminChanges(agent, body);
      if ("status" in body) await adminChanges(agent, { status: "active" });
      await expectEnded(cookie);
      const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: agent.id } });
      expect(audit.after).toMatchObject({ sessionsEnded: true });
    });
  }

  it("not after a change of name only", async () => {
    const cookie = await signedIn(agent);
    await adminChanges(agent, { name: "Agent Renamed" });
    expect((await asSession(cookie)).status).toBe(200);
  });

  it("everywhere at once when the user signs out everywhere, a stolen copy included; a new sign-in works", async () => {
    const laptop = await signedIn(agent);
    const stolen = laptop;
    const phone = await signedIn(agent);
    await signOutEverywhere(
      { type: "user", userId: agent.id, email: agent.email, name: agent.name, role: "agent" },
      agent.id,
      systemAudit(),
    );
    for (const cookie of [laptop, phone, stolen]) await expectEnded(cookie);
    expect((await asSession(await signedIn(agent))).status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "user.sign_out_everywhere", targetId: agent.id } })).toBe(1);
  });

  it("when an admin signs the user out everywhere; another user's sessions stay", async () => {
    const agentCookie = await signedIn(agent);
    const adminCookie = await signedIn(admin);
    await signOutEverywhere(
      { type: "user", userId: admin.id, email: admin.email, name: admin.name, role: "admin" },
      agent.id,
      systemAudit(),
    );
    await expectEnded(agentCookie);
    expect((await asSession(adminCookie)).status).toBe(200);
  });

  it("only in the browser that signs out: the user's other sessions stay", async () => {
    const laptop = await signedIn(agent);
    const phone = await signedIn(agent);
    await signOut(laptop);
    expect((await asSession(phone)).status).toBe(200);
    expect((await readSession(phone)).session.user).toMatchObject({ id: agent.id, role: "agent" });
  });

  it("on another instance within the user cache's few seconds (the change made straight in the database)", async () => {
    const cookie = await signedIn(agent);
    await db().user.update({ where: { id: agent.id }, data: { sessionVersion: { increment: 1 } } });
    const changedAt = Date.now();
    await waitFor(async () => (await asSession(cookie)).status === 401, USER_CACHE_TTL_MS + 2_000);
    expect(Date.now() - changedAt).toBeLessThan(USER_CACHE_TTL_MS + 1_000);
  });

  it("but a sign-in made after the change counts at once, even where the cache still holds the old version", async () => {
    const before = await signedIn(agent);
    // Another instance ends the sessions; this one still caches the user as it was.
    await db().user.update({ where: { id: agent.id }, data: { sessionVersion: { increment: 1 } } });
    const { sessionCookie: after } = await credentialsSignIn(agent.email, agent.password);
    expect((await asSession(after!)).status).toBe(200);
    expect((await asSession(before)).status).toBe(401);
  });

  it("for a token made before sessions carried their sign-in (no session claims)", async () => {
    const legacy = await encode({
      token: { sub: agent.id, email: agent.email, name: agent.name },
      secret: env().NEXTAUTH_SECRET,
    });
    expect((await asSession(`${sessionCookieName()}=${legacy}`)).status).toBe(401);
  });
});

describe("the absolute session lifetime", () => {
  it("ends a session SESSION_LIFETIME_SECONDS after its sign-in, however often it was renewed", async () => {
    process.env.SESSION_LIFETIME_SECONDS = "3600";
    resetEnvCache();
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedInAt = new Date("2026-06-01T08:00:00Z");
    vi.setSystemTime(signedInAt);
    let cookie = await signedIn(agent);
    // Renewed every ten minutes, as a busy browser would: each answer is a fresh token.
    for (let minutes = 10; minutes < 60; minutes += 10) {
      vi.setSystemTime(new Date(signedInAt.getTime() + minutes * 60_000));
      const renewed = await readSession(cookie);
      expect(renewed.session.user).toMatchObject({ id: agent.id });
      expect(renewed.sessionCookie).toMatch(new RegExp(`^${sessionCookieName()}=.+`));
      expect(renewed.sessionCookie).not.toBe(cookie);
      cookie = renewed.sessionCookie!;
      expect((await asSession(cookie)).status).toBe(200);
    }
    // The last renewal's token itself would be good for another hour: the sign-in decides.
    vi.setSystemTime(new Date(signedInAt.getTime() + 3_600_000));
    await expectEnded(cookie);
  });

  it("is 12 hours unless configured", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedInAt = new Date("2026-06-01T08:00:00Z");
    vi.setSystemTime(signedInAt);
    let cookie = await signedIn(agent);
    for (let hours = 4; hours < 12; hours += 4) {
      vi.setSystemTime(new Date(signedInAt.getTime() + hours * 3_600_000));
      cookie = (await readSession(cookie)).sessionCookie!;
      expect((await asSession(cookie)).status).toBe(200);
    }
    vi.setSystemTime(new Date(signedInAt.getTime() + 12 * 3_600_000));
    expect((await asSession(cookie)).status).toBe(401);
  });
});
