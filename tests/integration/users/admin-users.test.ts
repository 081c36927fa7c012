import { beforeEach, describe, expect, it } from "vitest";
import { GET as listUsers, POST as createUser } from "../../../app/api/admin/users/route";
import { GET as getUser, PATCH as patchUser } from "../../../app/api/admin/users/[id]/route";
import { route } from "../../../lib/doors/route";
import { updateUser } from "../../../lib/users/update-user";
import { systemAudit } from "../../../lib/audit/request-audit";
import { db } from "../../../lib/db/client";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestApiKey, createTestUser, jsonRequest, type TestUser } from "../../helpers/auth";
import { credentialsSignIn } from "../../helpers/auth-flow";

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const whoAmI = route({ access: "viewer" }, async ({ actor }) => Response.json(actor));

let admin: TestUser;
let adminHeaders: Record<string, string>;

beforeEach(async () => {
  await resetDatabase();
  admin = await createTestUser("admin");
  adminHeaders = await browserHeaders(admin);
});

describe("admin users API", () => {
  it("creates a user who can then sign in, answering 201 without the password hash, and audits it", async () => {
    const res = await createUser(
      jsonRequest("/api/admin/users", {
        method: "POST",
        headers: adminHeaders,
        body: {
          email: " New.Agent@Example.TEST",
          name: "New Agent",
          role: "agent",
          password: "a long enough password",
        },
      }),
    );
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).toMatchObject({
      email: "new.agent@example.test",
      name: "New Agent",
      role: "agent",
      status: "active",
      hasPassword: true,
    });
    expect(JSON.stringify(user)).not.toMatch(/argon2|passwordHash|a long enough password/);
    expect((await credentialsSignIn("new.agent@example.test", "a long enough password")).sessionCookie).toBeDefined();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: admin.id, outcome: "success" });
    expect(JSON.stringify(audit)).not.toContain("a long enough password");
  });

  it("answers field-level 400s for bad input and creates nothing", async () => {
    const res = await createUser(
      jsonRequest("/api/admin/users", {
        method: "POST",
        headers: adminHeaders,
        body: { email: "nope", name: "", role: "owner", password: "short", extra: 1 },
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fields)).toEqual(
      expect.arrayContaining(["body.email", "body.name", "body.role", "body.password"]),
    );
    expect(await db().user.count()).toBe(1);
  });

  it("answers 409 for an e-mail address already in use", async () => {
    const res = await createUser(
      jsonRequest("/api/admin/users", {
        method: "POST",
        headers: adminHeaders,
        body: { email: admin.email.toUpperCase(), name: "Dup", role: "viewer" },
      }),
    );
    expect(res.status).toBe(409);
  });

  it("lists users as {data, nextCursor} pages", async () => {
    for (const role of ["viewer", "agent", "viewer"] as const) await createTestUser(role);
    const first = await (await listUsers(jsonRequest("/api/admin/users?limit=3", { headers: adminHeaders }))).json();
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (
      await listUsers(jsonRequest(`/api/admin/users?limit=3&cursor=${first.nextCursor}`, { headers: adminHeaders }))
    ).json();
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("reads one user, and answers 404 for an unknown id", async () => {
    expect(
      (await getUser(jsonRequest(`/api/admin/users/${admin.id}`, { headers: adminHeaders }), idParams(admin.id)))
        .status,
    ).toBe(200);
    expect(
      (await getUser(jsonRequest("/api/admin/users/nope", { headers: adminHeaders }), idParams("nope"))).status,
    ).toBe(404);
  });
});

describe("changing a user", () => {
  it("takes a role change into effect on that user's very next request, with before/after audited", async () => {
    const agent = await createTestUser("agent");
    const session = await browserHeaders(agent);
    expect((await (await whoAmI(jsonRequest("/me", { headers: session }))).json()).role).toBe("agent");
    const res = await patchUser(
      jsonRequest(`/api/admin/users/${agent.id}`, { method: "PATCH", headers: adminHeaders, body: { role: "viewer" } }),
      idParams(agent.id),
    );
    expect(res.status).toBe(200);
    expect((await (await whoAmI(jsonRequest("/me", { headers: session }))).json()).role).toBe("viewer");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: agent.id } });
    expect(audit.before).toMatchObject({ role: "agent" });
    expect(audit.after).toMatchObject({ role: "viewer" });
  });

  it("locks a deactivated user out of sessions and API keys at once", async () => {
    const agent = await createTestUser("agent");
    const session = await browserHeaders(agent);
    const { key } = await createTestApiKey(agent.id);
    await whoAmI(jsonRequest("/me", { headers: session }));
    await patchUser(
      jsonRequest(`/api/admin/users/${agent.id}`, {
        method: "PATCH",
        headers: adminHeaders,
        body: { status: "disabled" },
      }),
      idParams(agent.id),
    );
    expect((await whoAmI(jsonRequest("/me", { headers: session }))).status).toBe(401);
    expect((await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${key}` } }))).status).toBe(401);
  });

  it("resets a password; the old one stops working and the audit does not hold either", async () => {
    const agent = await createTestUser("agent");
    await patchUser(
      jsonRequest(`/api/admin/users/${agent.id}`, {
        method: "PATCH",
        headers: adminHeaders,
        body: { password: "brand new password 1" },
      }),
      idParams(agent.id),
    );
    expect((await credentialsSignIn(agent.email, agent.password)).sessionCookie).toBeUndefined();
    expect((await credentialsSignIn(agent.email, "brand new password 1")).sessionCookie).toBeDefined();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: agent.id } });
    expect(JSON.stringify(audit)).not.toContain("brand new password 1");
    expect(audit.after).toMatchObject({ changed: ["password"] });
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    for (const body of [{ role: "agent" }, { status: "disabled" }]) {
      const res = await patchUser(
        jsonRequest(`/api/admin/users/${admin.id}`, { method: "PATCH", headers: adminHeaders, body }),
        idParams(admin.id),
      );
      expect(res.status).toBe(409);
      expect((await res.json()).message).toMatch(/last active admin/);
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "admin",
      status: "active",
    });
  });

  it("lets an admin step down once another active admin exists, but a disabled admin does not count", async () => {
    const disabledAdmin = await createTestUser("admin", { status: "disabled" });
    const blocked = await patchUser(
      jsonRequest(`/api/admin/users/${admin.id}`, { method: "PATCH", headers: adminHeaders, body: { role: "viewer" } }),
      idParams(admin.id),
    );
    expect(blocked.status).toBe(409);
    await createTestUser("admin");
    const ok = await patchUser(
      jsonRequest(`/api/admin/users/${admin.id}`, { method: "PATCH", headers: adminHeaders, body: { role: "viewer" } }),
      idParams(admin.id),
    );
    expect(ok.status).toBe(200);
    expect(disabledAdmin).toBeDefined();
  });

  it("never leaves zero admins when two admins demote each other at the same time", async () => {
    const asActor = (u: TestUser) => ({
      type: "user" as const,
      userId: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
    });
    // A few rounds, so the two transactions really overlap on PostgreSQL at least once.
    for (let round = 0; round < 3; round++) {
      await resetDatabase();
      const [a, b] = [await createTestUser("admin"), await createTestUser("admin")];
      const attempts = await Promise.allSettled([
        updateUser(asActor(a), b.id, { role: "agent" }, systemAudit()),
        updateUser(asActor(b), a.id, { role: "agent" }, systemAudit()),
      ]);
      expect(attempts.map((x) => x.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = attempts.find((x) => x.status === "rejected") as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({ status: 409, message: expect.stringMatching(/last active admin/) });
      expect(await db().user.count({ where: { role: "admin", status: "active" } })).toBe(1);
    }
  });

  it("answers 400 to an empty or unknown change", async () => {
    expect(
      (
        await patchUser(
          jsonRequest(`/api/admin/users/${admin.id}`, { method: "PATCH", headers: adminHeaders, body: {} }),
          idParams(admin.id),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await patchUser(
          jsonRequest(`/api/admin/users/${admin.id}`, {
            method: "PATCH",
            headers: adminHeaders,
            body: { email: "x@y.z" },
          }),
          idParams(admin.id),
        )
      ).status,
    ).toBe(400);
  });
});
