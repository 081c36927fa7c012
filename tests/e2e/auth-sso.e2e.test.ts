// Single sign-on end to end: Chromium, the built console and a real OIDC provider on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";
import { reserveOidcIssuer, startOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";

let server: ConsoleServer;
let oidc: TestOidcProvider;
let browser: Browser;

beforeAll(async () => {
  const issuer = await reserveOidcIssuer();
  const clientSecret = "oidc-test-client-secret-0123456789";
  server = await startConsole({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: "klink-console",
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_NAME: "Test IdP",
    OIDC_NEW_USERS: "create",
    OIDC_DEFAULT_ROLE: "agent",
  });
  oidc = await startOidcProvider(issuer, `${server.url}/api/auth/callback/oidc`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await oidc?.stop();
  await server?.stop();
});

describe("single sign-on through an OIDC provider", () => {
  it("signs a new user in with the default role and brings them back to the page they asked for", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/keys`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();

    // The provider's own login and consent screens.
    await page.waitForURL((url) => url.origin === oidc.issuer, { waitUntil: "domcontentloaded" });
    await page.locator('input[name="login"]').fill("sso.person@example.test");
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    await page.getByRole("button", { name: "Continue" }).click();

    await page.waitForURL((url) => url.origin === server.url && url.pathname === "/admin/keys");
    const user = page.getByTestId("signed-in-user");
    await user.getByRole("button").click();
    await expect(user.getByText("sso.person@example.test").first().isVisible()).resolves.toBe(true);
    await expect(user.getByText("Signed in with the agent role").isVisible()).resolves.toBe(true);
    await screenshot(page, "auth-sso-signed-in");

    const me = await page.request.get(`${server.url}/api/keys`);
    expect(me.status()).toBe(200);
    const forbidden = await page.request.get(`${server.url}/api/admin/users`);
    expect(forbidden.status()).toBe(403);
    await context.close();
  });
});
