import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { resetEnvCache } from "../../../lib/env";
import { bootstrapAdmin } from "../../../lib/auth/bootstrap-admin";
import { resolveConnection } from "../../../lib/connections/resolve-connection";
import { loadWebhookSettings } from "../../../lib/connections/load-webhook-settings";
import { seedDemo } from "../../../scripts/demo-seed";
import { demoPasswords } from "../../../scripts/demo-passwords";
import { resetDatabase } from "../../helpers/db";
import { createTestUser } from "../../helpers/auth";
import { credentialsSignIn } from "../../helpers/auth-flow";

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => {
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  resetEnvCache();
});

function withAdminEnv() {
  process.env.ADMIN_EMAIL = "First.Admin@Example.TEST";
  process.env.ADMIN_PASSWORD = "bootstrap password 1";
  resetEnvCache();
}

describe("first admin from ADMIN_EMAIL / ADMIN_PASSWORD", () => {
  it("is created when no admin exists, and can sign in", async () => {
    withAdminEnv();
    expect(await bootstrapAdmin()).toBe("created");
    expect((await credentialsSignIn("first.admin@example.test", "bootstrap password 1")).sessionCookie).toBeDefined();
    expect(await bootstrapAdmin()).toBe("skipped");
    expect(await db().user.count()).toBe(1);
  });

  it("is not created once an active admin exists", async () => {
    await createTestUser("admin");
    withAdminEnv();
    expect(await bootstrapAdmin()).toBe("skipped");
    expect(await db().user.findUnique({ where: { email: "first.admin@example.test" } })).toBeNull();
  });

  it("restores access when the only admin was deactivated and the address exists", async () => {
    await createTestUser("admin", { status: "disabled", email: "first.admin@example.test" });
    withAdminEnv();
    expect(await bootstrapAdmin()).toBe("promoted");
    expect(await db().user.findUniqueOrThrow({ where: { email: "first.admin@example.test" } })).toMatchObject({
      role: "admin",
      status: "active",
    });
  });
});

describe("demo seed", () => {
  it("creates one user per role with working demo passwords and a default simulator connection, idempotently, following the simulator's new address and token", async () => {
    const opts = {
      klinkBaseUrl: "http://127.0.0.1:4999",
      klinkToken: "kpt_demoToken000001",
      webhookSecret: "demo-webhook-secret",
    };
    const first = await seedDemo(opts);
    const second = await seedDemo({
      ...opts,
      klinkBaseUrl: "http://127.0.0.1:5000",
      klinkToken: "kpt_demoToken000002",
    });
    expect(second.connectionId).toBe(first.connectionId);
    expect(first.users.map((u) => u.role).sort()).toEqual(["admin", "agent", "viewer"]);
    // The passwords of this data folder (scripts/demo-passwords.ts), the same on every run.
    expect(second.users).toEqual(first.users);
    expect(first.users.map((u) => u.password)).toEqual(
      first.users.map((u) => demoPasswords(process.env.DATABASE_URL!)[u.role]),
    );
    for (const user of first.users) {
      const signIn = await credentialsSignIn(user.email, user.password);
      expect(signIn.sessionCookie, user.email).toBeDefined();
      expect((await credentialsSignIn(user.email, `demo-${user.role}-password`)).sessionCookie).toBeUndefined();
    }
    expect(await db().user.count()).toBe(3);
    expect(await db().klinkConnection.count()).toBe(1);
    const actor = { type: "user" as const, userId: "x", email: "x", name: "x", role: "viewer" as const };
    expect(await resolveConnection(actor)).toMatchObject({
      id: first.connectionId,
      baseUrl: "http://127.0.0.1:5000",
      token: "kpt_demoToken000002",
    });
    expect(await loadWebhookSettings(first.connectionId!)).toMatchObject({
      mode: "hmac",
      secrets: ["demo-webhook-secret"],
    });
  });

  it("seeds only users without a simulator", async () => {
    const result = await seedDemo({});
    expect(result.connectionId).toBeUndefined();
    expect(await db().klinkConnection.count()).toBe(0);
  });
});
