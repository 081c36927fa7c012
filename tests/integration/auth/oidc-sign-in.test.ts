import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { resetEnvCache } from "../../../lib/env";
import { oidcSignIn } from "../../../lib/auth/oidc-sign-in";
import { resetDatabase } from "../../helpers/db";
import { createTestUser } from "../../helpers/auth";

// The matching rules of single sign-on; the full browser journey against a real OIDC provider
// is in tests/e2e/auth-sso.e2e.test.ts.
const info = { ip: "192.0.2.1", userAgent: "vitest" };
const OIDC = {
  OIDC_ISSUER: "http://127.0.0.1:9/issuer",
  OIDC_CLIENT_ID: "console",
  OIDC_CLIENT_SECRET: "s3cret-for-tests",
};

function configure(extra: Record<string, string> = {}) {
  for (const key of ["OIDC_NEW_USERS", "OIDC_DEFAULT_ROLE", "OIDC_ALLOWED_DOMAINS"]) delete process.env[key];
  Object.assign(process.env, OIDC, extra);
  resetEnvCache();
}

beforeAll(() => configure());
beforeEach(async () => {
  await resetDatabase();
  configure();
});
afterAll(() => {
  for (const key of [...Object.keys(OIDC), "OIDC_NEW_USERS", "OIDC_DEFAULT_ROLE", "OIDC_ALLOWED_DOMAINS"])
    delete process.env[key];
  resetEnvCache();
});

describe("OIDC sign-in", () => {
  it("matches an existing active user by verified e-mail and links the identity", async () => {
    const user = await createTestUser("agent", { email: "ada@example.test" });
    expect(await oidcSignIn({ sub: "idp-1", email: "Ada@Example.test", email_verified: true }, info)).toBe(user.id);
    expect(await db().userIdentity.count({ where: { userId: user.id, subject: "idp-1" } })).toBe(1);
    // Later sign-ins find the user by the identity, even after the IdP changes the address.
    expect(await oidcSignIn({ sub: "idp-1", email: "ada.new@example.test", email_verified: true }, info)).toBe(user.id);
    expect(await db().auditLog.count({ where: { action: "auth.login", actorId: user.id } })).toBe(2);
  });

  it("refuses an unverified e-mail address", async () => {
    await createTestUser("admin", { email: "boss@example.test" });
    await expect(oidcSignIn({ sub: "idp-2", email: "boss@example.test", email_verified: false }, info)).rejects.toThrow(
      "OidcEmailNotVerified",
    );
    await expect(oidcSignIn({ sub: "idp-2", email: "boss@example.test" }, info)).rejects.toThrow(
      "OidcEmailNotVerified",
    );
    expect(await db().userIdentity.count()).toBe(0);
  });

  it("refuses unknown addresses unless told otherwise: a fresh install creates no one", async () => {
    await expect(
      oidcSignIn({ sub: "idp-0", email: "anyone@example.test", email_verified: true }, info),
    ).rejects.toThrow("OidcUnknownUser");
    expect(await db().user.count()).toBe(0);
  });

  it("creates a new user with OIDC_DEFAULT_ROLE when OIDC_NEW_USERS=create", async () => {
    configure({ OIDC_DEFAULT_ROLE: "agent", OIDC_NEW_USERS: "create" });
    const id = await oidcSignIn(
      { sub: "idp-3", email: "new@example.test", email_verified: true, name: "New Person" },
      info,
    );
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      email: "new@example.test",
      name: "New Person",
      role: "agent",
      status: "active",
      passwordHash: null,
    });
  });

  it("refuses unknown addresses when OIDC_NEW_USERS=refuse", async () => {
    configure({ OIDC_NEW_USERS: "refuse" });
    await expect(
      oidcSignIn({ sub: "idp-4", email: "stranger@example.test", email_verified: true }, info),
    ).rejects.toThrow("OidcUnknownUser");
    expect(await db().user.count()).toBe(0);
    const failure = await db().auditLog.findFirstOrThrow({ where: { action: "auth.login_failed" } });
    expect(failure.details).toMatchObject({ method: "oidc", reason: "unknown_user" });
  });

  it("refuses a deactivated user, whether matched by e-mail or by a linked identity", async () => {
    const user = await createTestUser("agent", { email: "gone@example.test" });
    await oidcSignIn({ sub: "idp-5", email: "gone@example.test", email_verified: true }, info);
    await db().user.update({ where: { id: user.id }, data: { status: "disabled" } });
    await expect(oidcSignIn({ sub: "idp-5", email: "gone@example.test", email_verified: true }, info)).rejects.toThrow(
      "AccountDisabled",
    );
    await createTestUser("agent", { email: "off@example.test", status: "disabled" });
    await expect(oidcSignIn({ sub: "idp-6", email: "off@example.test", email_verified: true }, info)).rejects.toThrow(
      "AccountDisabled",
    );
  });

  describe("with OIDC_ALLOWED_DOMAINS", () => {
    beforeEach(() =>
      configure({ OIDC_NEW_USERS: "create", OIDC_ALLOWED_DOMAINS: "Example.test, @staff.example.test" }),
    );

    it("creates and links only addresses at those domains", async () => {
      const created = await oidcSignIn({ sub: "idp-7", email: "new@example.test", email_verified: true }, info);
      const known = await createTestUser("agent", { email: "known@staff.example.test" });
      expect(await oidcSignIn({ sub: "idp-8", email: "known@staff.example.test", email_verified: true }, info)).toBe(
        known.id,
      );
      expect(await db().user.findUnique({ where: { id: created } })).toMatchObject({ email: "new@example.test" });
      expect(await db().userIdentity.count()).toBe(2);
    });

    it("refuses any other address before a user is created or linked, and audits why", async () => {
      const existing = await createTestUser("admin", { email: "boss@elsewhere.test" });
      for (const email of ["stranger@elsewhere.test", "boss@elsewhere.test", "someone@sub.example.test"]) {
        await expect(oidcSignIn({ sub: `idp-${email}`, email, email_verified: true }, info)).rejects.toThrow(
          "OidcDomainNotAllowed",
        );
      }
      expect(await db().user.count()).toBe(1);
      expect(await db().userIdentity.count({ where: { userId: existing.id } })).toBe(0);
      const failure = await db().auditLog.findFirstOrThrow({ where: { action: "auth.login_failed" } });
      expect(failure.details).toMatchObject({ method: "oidc", reason: "domain_not_allowed" });
    });

    it("refuses a user linked before the list was set whose address is elsewhere", async () => {
      configure({ OIDC_NEW_USERS: "create" });
      const id = await oidcSignIn({ sub: "idp-9", email: "early@elsewhere.test", email_verified: true }, info);
      configure({ OIDC_ALLOWED_DOMAINS: "example.test" });
      await expect(
        oidcSignIn({ sub: "idp-9", email: "early@elsewhere.test", email_verified: true }, info),
      ).rejects.toThrow("OidcDomainNotAllowed");
      expect(await db().user.findUnique({ where: { id } })).not.toBeNull();
    });
  });
});
