import { beforeEach, describe, expect, it } from "vitest";
import { route } from "../../../lib/doors/route";
import { db } from "../../../lib/db/client";
import { resetDatabase } from "../../helpers/db";
import { createTestUser, jsonRequest, TEST_PASSWORD } from "../../helpers/auth";
import { credentialsSignIn } from "../../helpers/auth-flow";
import { loginErrorMessage } from "../../../lib/auth/login-errors";
import { THROTTLE_POLICY } from "../../../lib/auth/login-throttle";
import { resetEnvCache } from "../../../lib/env";
import { metrics } from "../../../lib/metrics/registry";
import { setRateLimitStore } from "../../../lib/resilience/rate-limiter";

const limitedCount = async (limiter: string) =>
  (await metrics().rateLimited.get()).values.find((v) => v.labels.limiter === limiter)?.value ?? 0;
const throttledCount = () => limitedCount("login_throttled");

const whoAmI = route({ access: "viewer" }, async ({ actor }) => Response.json(actor));

beforeEach(async () => {
  await resetDatabase();
});

describe("password sign-in through next-auth's CSRF + credentials callback", () => {
  it("sets an httpOnly session cookie that authenticates API calls", async () => {
    const user = await createTestUser("agent");
    const result = await credentialsSignIn(user.email, TEST_PASSWORD);
    expect(result.error).toBeNull();
    expect(result.sessionCookie).toBeDefined();
    const setCookie = result.setCookies.find((c) => c.startsWith("next-auth.session-token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const res = await whoAmI(jsonRequest("/api/me", { headers: { cookie: result.sessionCookie! } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: user.id, role: "agent" });
  });

  it("marks the session cookie Secure (with the __Secure- prefix) when the console runs on https", async () => {
    const user = await createTestUser("viewer");
    const previous = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://console.example.com";
    resetEnvCache();
    try {
      const result = await credentialsSignIn(user.email, TEST_PASSWORD);
      const setCookie = result.setCookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
      expect(setCookie).toMatch(/; Secure/i);
      expect(setCookie).toMatch(/HttpOnly/i);
      const res = await whoAmI(
        new Request("https://console.example.com/api/me", { headers: { cookie: result.sessionCookie! } }),
      );
      expect(res.status).toBe(200);
    } finally {
      process.env.NEXTAUTH_URL = previous;
      resetEnvCache();
    }
  });

  it("matches the e-mail address case-insensitively", async () => {
    const user = await createTestUser("viewer", { email: "mixed.case@example.test" });
    expect((await credentialsSignIn("  Mixed.Case@Example.TEST ", TEST_PASSWORD)).sessionCookie).toBeDefined();
    expect(user).toBeDefined();
  });

  it("refuses a wrong password without a session and audits the failure without the password", async () => {
    const user = await createTestUser("agent");
    const result = await credentialsSignIn(user.email, "wrong password guess");
    expect(result.sessionCookie).toBeUndefined();
    expect(loginErrorMessage(result.error)).toBe("Incorrect email or password.");
    const rows = await db().auditLog.findMany({ where: { action: "auth.login_failed" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "failure", actorEmail: user.email, targetId: user.id });
    expect(JSON.stringify(rows)).not.toContain("wrong password guess");
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const result = await credentialsSignIn("nobody@example.test", "whatever password");
    expect(result.error).toBe("CredentialsSignin");
  });

  it("audits a successful sign-in and records the time", async () => {
    const user = await createTestUser("admin");
    await credentialsSignIn(user.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.7" });
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.login" } });
    expect(row).toMatchObject({ outcome: "success", actorId: user.id, actorRole: "admin", ip: "198.51.100.7" });
    expect(JSON.stringify(row)).not.toContain(TEST_PASSWORD);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("tells a deactivated user so, only when the password was right", async () => {
    const user = await createTestUser("agent", { status: "disabled" });
    expect((await credentialsSignIn(user.email, "not the password")).error).toBe("CredentialsSignin");
    const result = await credentialsSignIn(user.email, TEST_PASSWORD);
    expect(result.sessionCookie).toBeUndefined();
    expect(loginErrorMessage(result.error)).toMatch(/deactivated/);
  });

  it("refuses a sign-in without next-auth's CSRF token", async () => {
    const user = await createTestUser("agent");
    const { POST } = await import("../../../app/api/auth/[...nextauth]/route");
    const res = await POST(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
        body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, json: "true" }),
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });
});

describe("brute-force protection", () => {
  it("locks an account after repeated failures with a 'try again in N s' message, even for the right password", async () => {
    const user = await createTestUser("agent");
    const { maxFailures } = THROTTLE_POLICY.account;
    const results = [];
    for (let i = 0; i < maxFailures; i++)
      results.push(await credentialsSignIn(user.email, `guess ${i}`, { "x-forwarded-for": `192.0.2.${i}` }));
    expect(results.slice(0, -1).every((r) => r.error === "CredentialsSignin")).toBe(true);
    expect(loginErrorMessage(results.at(-1)!.error)).toMatch(/^Too many failed sign-ins\. Try again in \d+ s\.$/);

    const locked = await credentialsSignIn(user.email, TEST_PASSWORD, { "x-forwarded-for": "192.0.2.200" });
    expect(locked.sessionCookie).toBeUndefined();
    expect(loginErrorMessage(locked.error)).toMatch(/Try again in (\d+) s/);
    expect(Number(/(\d+) s/.exec(loginErrorMessage(locked.error)!)![1])).toBeLessThanOrEqual(
      THROTTLE_POLICY.account.firstLockMs / 1000,
    );
    // The refused attempt is counted, not audited one by one: only the checked ones are.
    const failures = await db().auditLog.findMany({ where: { action: "auth.login_failed" } });
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(
      Array(maxFailures).fill("wrong_password"),
    );
    expect((await db().loginThrottle.findUnique({ where: { key: `account:${user.email}` } }))?.failures).toBe(
      maxFailures + 1,
    );
  });

  it("counts 200 parallel wrong passwords for one account as 200 failures, checking few of them", async () => {
    const user = await createTestUser("agent");
    const throttledBefore = await throttledCount();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        credentialsSignIn(user.email, `parallel guess ${i}`, { "x-forwarded-for": `198.51.100.${i % 250}` }),
      ),
    );
    expect(results.every((r) => r.sessionCookie === undefined)).toBe(true);
    const row = await db().loginThrottle.findUnique({ where: { key: `account:${user.email}` } });
    expect(row?.failures).toBe(200);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Each checked password is audited; every other attempt was refused unchecked, and counted.
    const checked = await db().auditLog.count({ where: { action: "auth.login_failed", actorEmail: user.email } });
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(THROTTLE_POLICY.account.maxFailures);
    expect((await throttledCount()) - throttledBefore).toBe(200 - checked);
    // The right password is refused while the lock holds.
    expect((await credentialsSignIn(user.email, TEST_PASSWORD)).sessionCookie).toBeUndefined();
  });

  it("lets the account in again once the lock has passed, and forgets its failures", async () => {
    const user = await createTestUser("agent");
    for (let i = 0; i < THROTTLE_POLICY.account.maxFailures; i++) await credentialsSignIn(user.email, `guess ${i}`);
    await db().loginThrottle.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await credentialsSignIn(user.email, TEST_PASSWORD)).sessionCookie).toBeDefined();
    expect(await db().loginThrottle.findUnique({ where: { key: `account:${user.email}` } })).toBeNull();
  });

  it("doubles the lock for each failure after it has passed", async () => {
    const user = await createTestUser("agent");
    for (let i = 0; i < THROTTLE_POLICY.account.maxFailures; i++) await credentialsSignIn(user.email, `guess ${i}`);
    await db().loginThrottle.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } });
    const again = await credentialsSignIn(user.email, "one more guess");
    const seconds = Number(/(\d+) s/.exec(loginErrorMessage(again.error)!)![1]);
    expect(seconds).toBe((THROTTLE_POLICY.account.firstLockMs * 2) / 1000);
  });

  it("locks an address that fails across many accounts, without locking those accounts elsewhere", async () => {
    const victim = await createTestUser("viewer");
    const ip = { "x-forwarded-for": "203.0.113.66" };
    for (let i = 0; i < THROTTLE_POLICY.ip.maxFailures; i++)
      await credentialsSignIn(`user${i}@example.test`, "spray password", ip);
    const fromThatAddress = await credentialsSignIn(victim.email, TEST_PASSWORD, ip);
    expect(loginErrorMessage(fromThatAddress.error)).toMatch(/Try again in \d+ s/);
    const fromElsewhere = await credentialsSignIn(victim.email, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.67" });
    expect(fromElsewhere.sessionCookie).toBeDefined();
  });

  it("answers 429 with Retry-After past LOGIN_ATTEMPTS_PER_MINUTE from one address, before reading anything", async () => {
    const user = await createTestUser("viewer");
    process.env.LOGIN_ATTEMPTS_PER_MINUTE = "3";
    resetEnvCache();
    setRateLimitStore({ kind: "memory" });
    try {
      const before = await limitedCount("login_address");
      const from = { "x-forwarded-for": "198.51.100.77" };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await credentialsSignIn(user.email, `guess ${i}`, from));
      expect(results.map((r) => r.status)).toEqual([401, 401, 401, 429]);
      expect(loginErrorMessage(results[3].error)).toMatch(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
      expect((await limitedCount("login_address")) - before).toBe(1);
      // Refused before the account was looked at: three attempts counted, three audited.
      expect((await db().loginThrottle.findUnique({ where: { key: `account:${user.email}` } }))?.failures).toBe(3);
      expect(await db().auditLog.count({ where: { action: "auth.login_failed" } })).toBe(3);
      // Another address is not affected.
      const elsewhere = await credentialsSignIn(user.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.78" });
      expect(elsewhere.sessionCookie).toBeDefined();
    } finally {
      delete process.env.LOGIN_ATTEMPTS_PER_MINUTE;
      resetEnvCache();
      setRateLimitStore(undefined);
    }
  });
});
