// A leaked admin API key must not outlive its revocation: it cannot make a user, set a password,
// change a role or status, mint another key or touch a connection's token and secrets. Each
// attempt is answered 403 session_required, audited as denied, and changes nothing; the data
// layer refuses the same calls made without the route.
import { beforeEach, describe, expect, it } from "vitest";
import * as users from "../../../app/api/admin/users/route";
import * as user from "../../../app/api/admin/users/[id]/route";
import * as connections from "../../../app/api/admin/connections/route";
import * as connection from "../../../app/api/admin/connections/[id]/route";
import * as keys from "../../../app/api/keys/route";
import { db } from "../../../lib/db/client";
import { insertConnection } from "../../../lib/connections/create-connection";
import { updateConnection } from "../../../lib/connections/update-connection";
import { createUser } from "../../../lib/users/create-user";
import { updateUser } from "../../../lib/users/update-user";
import { signOutEverywhere } from "../../../lib/users/sign-out-everywhere";
import { createApiKey } from "../../../lib/api-keys/create-api-key";
import { systemAudit } from "../../../lib/audit/request-audit";
import type { Actor } from "../../../lib/identity/actor";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestApiKey, createTestUser, jsonRequest, type TestUser } from "../../helpers/auth";
import { credentialsSignIn } from "../../helpers/auth-flow";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let admin: TestUser;
let victim: TestUser;
let adminKey: { id: string; key: string };
let connectionId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await createTestUser("admin");
  victim = await createTestUser("viewer");
  adminKey = await createTestApiKey(admin.id);
  connectionId = (await insertConnection({ name: "Production", token: "kpt_OriginalToken000000" }, systemAudit())).id;
});

const snapshot = async () => ({
  users: await db().user.findMany({ orderBy: { id: "asc" } }),
  keys: await db().apiKey.count(),
  connections: await db().klinkConnection.findMany({ orderBy: { id: "asc" } }),
});

async function withKey(handler: Handler, method: string, path: string, body?: unknown, params = {}) {
  const req = jsonRequest(path, { method, headers: { authorization: `Bearer ${adminKey.key}` }, body });
  return handler(req, { params: Promise.resolve(params) });
}

describe("an admin's API key trying to escalate", () => {
  const attempts: [string, () => Promise<Response>][] = [
    [
      "create an admin with a password it knows",
      () =>
        withKey(users.POST as Handler, "POST", "/api/admin/users", {
          email: "mallory@example.test",
          name: "Mallory",
          role: "admin",
          password: "mallory's own password",
        }),
    ],
    [
      "set a user's password",
      () =>
        withKey(
          user.PATCH as Handler,
          "PATCH",
          "/api/admin/users/x",
          { password: "a password I chose" },
          { id: victim.id },
        ),
    ],
    [
      "raise a user's role",
      () => withKey(user.PATCH as Handler, "PATCH", "/api/admin/users/x", { role: "admin" }, { id: victim.id }),
    ],
    [
      "deactivate a user",
      () => withKey(user.PATCH as Handler, "PATCH", "/api/admin/users/x", { status: "disabled" }, { id: victim.id }),
    ],
    ["mint another key", () => withKey(keys.POST as Handler, "POST", "/api/keys", { name: "spare" })],
    [
      "replace a connection's token",
      () =>
        withKey(
          connection.PATCH as Handler,
          "PATCH",
          "/api/admin/connections/x",
          { token: "kpt_AttackersToken000000" },
          { id: connectionId },
        ),
    ],
    [
      "replace a connection's webhook secret",
      () =>
        withKey(
          connection.PATCH as Handler,
          "PATCH",
          "/api/admin/connections/x",
          { webhook: { mode: "hmac", secret: "attacker-signing-secret" } },
          { id: connectionId },
        ),
    ],
    [
      "add a connection of its own and make it the default",
      () =>
        withKey(connections.POST as Handler, "POST", "/api/admin/connections", {
          name: "Elsewhere",
          token: "kpt_AttackersToken000000",
          isDefault: true,
        }),
    ],
    [
      "delete a connection",
      () =>
        withKey(connection.DELETE as Handler, "DELETE", "/api/admin/connections/x", undefined, { id: connectionId }),
    ],
  ];

  for (const [what, attempt] of attempts) {
    it(`cannot ${what}: 403 session_required, audited as denied, nothing changed`, async () => {
      const before = await snapshot();
      const res = await attempt();
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.code).toBe("session_required");
      expect(body.message).toMatch(/^API keys cannot .+: sign in to the console to do this\.$/);
      expect(await snapshot()).toEqual(before);
      const denial = await db().auditLog.findFirstOrThrow({ where: { action: "auth.access_denied" } });
      expect(denial).toMatchObject({ outcome: "denied", actorType: "api_key", apiKeyId: adminKey.id, status: 403 });
      expect(denial.details).toMatchObject({ reason: "session_required", operation: expect.any(String) });
    });
  }

  it("still reads users and connections: only the escalations need a person", async () => {
    expect((await withKey(users.GET as Handler, "GET", "/api/admin/users")).status).toBe(200);
    expect(
      (await withKey(connection.GET as Handler, "GET", "/api/admin/connections/x", undefined, { id: connectionId }))
        .status,
    ).toBe(200);
  });

  it("leaves the victim's password working, so the attacker has no way in", async () => {
    await withKey(
      user.PATCH as Handler,
      "PATCH",
      "/api/admin/users/x",
      { password: "a password I chose" },
      { id: victim.id },
    );
    expect((await credentialsSignIn(victim.email, "a password I chose")).sessionCookie).toBeUndefined();
    expect((await credentialsSignIn(victim.email, victim.password)).sessionCookie).toBeDefined();
  });

  it("is allowed what a signed-in admin session does", async () => {
    const res = await (user.PATCH as Handler)(
      jsonRequest("/api/admin/users/x", {
        method: "PATCH",
        headers: await browserHeaders(admin),
        body: { role: "agent" },
      }),
      { params: Promise.resolve({ id: victim.id }) },
    );
    expect(res.status).toBe(200);
  });
});

describe("the data layer, called without the route", () => {
  it("refuses an API key actor each session-only change", async () => {
    const keyActor: Actor = {
      type: "api_key",
      apiKeyId: adminKey.id,
      userId: admin.id,
      email: admin.email,
      name: admin.name,
      role: "admin",
    };
    const audit = systemAudit();
    const refusals = [
      createUser(keyActor, { email: "m@example.test", name: "M", role: "admin" }, audit),
      updateUser(keyActor, victim.id, { role: "admin" }, audit),
      updateConnection(keyActor, connectionId, { token: "kpt_AttackersToken000000" }, audit),
      createApiKey(keyActor, { name: "spare" }, audit),
      signOutEverywhere(keyActor, victim.id, audit),
    ];
    for (const refusal of refusals)
      await expect(refusal).rejects.toMatchObject({ status: 403, code: "session_required" });
    expect(await db().user.count()).toBe(2);
  });
});
