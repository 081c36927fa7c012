// Single sign-on end to end: Chromium, the built console and a real OIDC provider on loopback,
// whose login screen accepts any address as verified. Two consoles: one set up to create users
// of the allowed domains only, and one as a fresh install configures it (OIDC variables alone).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";
import { reserveOidcIssuer, startOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";

let server: ConsoleServer;
let freshInstall: ConsoleServer;
let oidc: TestOidcProvider;
let browser: Browser;

beforeAll(async () => {
  const issuer = await reserveOidcIssuer();
  const sso = {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: "klink-console",
    OIDC_CLIENT_SECRET: "oidc-test-client-secret-0123456789",
    OIDC_NAME: "Test IdP",
  };
  [server, freshInstall] = await Promise.all([
    startConsole({
      ...sso,
      OIDC_NEW_USERS: "create",
      OIDC_DEFAULT_ROLE: "agent",
      OIDC_ALLOWED_DOMAINS: "example.test",
    }),
    startConsole(sso),
  ]);
  oidc = await startOidcProvider(
    issuer,
    [server, freshInstall].map((s) => `${s.url}/api/auth/callback/oidc`),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await oidc?.stop();
  await Promise.all([server?.stop(), freshInstall?.stop()]);
});

/** From a console page through the provider's login and consent screens, back to the console. */
async function signInWithIdp(page: Page, console: ConsoleServer, path: string, email: string): Promise<void> {
  await page.goto(`${console.url}${path}`);
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL((url) => url.origin === oidc.issuer, { waitUntil: "domcontentloaded" });
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === console.url);
}

describe("single sign-on through an OIDC provider", () => {
  it("signs a new user of an allowed domain in with the default role and brings them back to the page they asked for", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithIdp(page, server, "/admin/keys", "sso.person@example.test");
    expect(new URL(page.url()).pathname).toBe("/admin/keys");
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

  it("refuses an address the provider verified at a domain outside OIDC_ALLOWED_DOMAINS", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithIdp(page, server, "/tickets", "someone@elsewhere.test");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("alert").filter({ hasText: "not open to addresses at your e-mail domain" }).waitFor();
    expect((await page.request.get(`${server.url}/api/keys`)).status()).toBe(401);
    await context.close();
  });

  it("on a fresh install with only the OIDC variables set, refuses everyone the console does not know", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithIdp(page, freshInstall, "/", "sso.person@example.test");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("alert").filter({ hasText: "There is no console account for this e-mail address" }).waitFor();
    await screenshot(page, "auth-sso-refused");
    await context.close();
  });
});
