// Sign-in, roles, API keys and K-LINK connections in real Chromium against the built console.
// The console runs on the database the build was made with (tests/helpers/global-build.ts), which
// holds a known K-LINK token, so the test can show that no token reaches the build output, a
// page, an API answer or the server log.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";
import { filesContaining, signInThroughForm } from "../helpers/auth-browser";
import Database from "better-sqlite3";
import { sqliteFilePath } from "../../lib/db/provider";

const canary = inject("buildCanary");
const ENCRYPTION_KEY = canary.encryptionKey;
const SEEDED_TOKEN = canary.token;
const TYPED_TOKEN = `kpt_TypedE2E${randomBytes(8).toString("hex")}`;
const tokenForms = (token: string) => [token, token.slice(4), Buffer.from(token).toString("base64")];

let server: ConsoleServer;
let browser: Browser;
let users: { email: string; password: string; role: string }[];
let readConnectionRow: (name: string) => Promise<{ tokenCiphertext: string } | null>;

beforeAll(async () => {
  const { databaseUrl } = canary;
  users = canary.users;
  readConnectionRow = async (name) => {
    const sqlite = new Database(sqliteFilePath(databaseUrl), { readonly: true });
    try {
      return (
        (sqlite.prepare('SELECT "tokenCiphertext" FROM "KlinkConnection" WHERE "name" = ?').get(name) as
          { tokenCiphertext: string } | undefined) ?? null
      );
    } finally {
      sqlite.close();
    }
  };

  server = await startConsole({ DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: ENCRYPTION_KEY, LOG_LEVEL: "info" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const userOf = (role: string) => users.find((u) => u.role === role)!;

async function signedIn(role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = userOf(role);
  await signInThroughForm(page, server.url, user.email, user.password);
  return { context, page };
}

describe("signing in", () => {
  it("sends a signed-out visitor of an admin page to the login page and back after signing in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/users`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin/users");
    await signInThroughForm(page, server.url, userOf("admin").email, userOf("admin").password);
    expect(new URL(page.url()).pathname).toBe("/admin/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 }).isVisible()).resolves.toBe(true);
    await screenshot(page, "auth-admin-users");
    await context.close();
  });

  it("shows 'incorrect' for a wrong password and 'try again in N s' once locked", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill("intruder@demo.local");
      await page.getByLabel("Password").fill(`guess number ${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: i < 4 ? "Incorrect email or password." : /Try again in \d+ s\./ })
        .waitFor();
    }
    await screenshot(page, "auth-login-locked");
    await page.close();
  });

  it("honours only same-origin callback URLs", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
    await signInThroughForm(page, server.url, userOf("viewer").email, userOf("viewer").password);
    expect(new URL(page.url()).origin).toBe(server.url);
    await context.close();
  });

  it("ends the session on sign-out", async () => {
    const { context, page } = await signedIn("agent");
    await page.goto(`${server.url}/admin/keys`);
    await page.getByTestId("signed-in-user").getByRole("button").first().click();
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/login"),
      page.getByRole("button", { name: "Sign out" }).click(),
    ]);
    await page.goto(`${server.url}/admin/keys`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});

describe("each demo role sees only what it may", () => {
  for (const role of ["viewer", "agent"]) {
    it(`${role}: no user or connection administration, but their own API keys`, async () => {
      const { context, page } = await signedIn(role);
      for (const adminPage of ["/admin/users", "/admin/connections"]) {
        await page.goto(`${server.url}${adminPage}`);
        await expect(page.getByRole("heading", { name: "Not allowed" }).isVisible()).resolves.toBe(true);
      }
      await page.goto(`${server.url}/admin/keys`);
      await expect(page.getByRole("heading", { name: "API keys", level: 1 }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
      const api = await page.request.get(`${server.url}/api/admin/users`);
      expect(api.status()).toBe(403);
      await context.close();
    });
  }

  it("admin: manages users and connections", async () => {
    const { context, page } = await signedIn("admin");
    await page.goto(`${server.url}/admin/users`);
    for (const user of users)
      await expect(
        page
          .getByRole("cell", { name: new RegExp(user.email) })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
    await page.goto(`${server.url}/admin/connections`);
    await expect(page.getByRole("heading", { name: /Demo simulator/ }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe("personal API keys in the browser", () => {
  it("shows a new key once; it then works as a Bearer token and is never shown again", async () => {
    const { context, page } = await signedIn("agent");
    await page.goto(`${server.url}/admin/keys`);
    await page.getByLabel("Key name").fill("e2e script");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^kc_/);
    const res = await fetch(`${server.url}/api/keys`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.map((k: { name: string }) => k.name)).toContain("e2e script");
    await page.reload();
    expect(await page.content()).not.toContain(key);
    await context.close();
  });
});

describe("a K-LINK token typed into the connection form", () => {
  it("cannot be read back from any page or API answer, and the database holds only ciphertext", async () => {
    const { context, page } = await signedIn("admin");
    await page.goto(`${server.url}/admin/connections`);
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Add a connection" }) });
    await form.getByLabel("Name").fill("Typed in the browser");
    await form.getByLabel("Base URL").fill("http://127.0.0.1:9");
    await form.getByLabel("API token").fill(TYPED_TOKEN);
    await form.getByLabel("Signing secret").fill("typed-webhook-secret");
    await form.getByRole("button", { name: "Add connection" }).click();
    await page.getByRole("status").filter({ hasText: "Added Typed in the browser." }).waitFor();
    await page.reload();
    const html = await page.content();
    expect(html).toContain(`kpt_…${TYPED_TOKEN.slice(-4)}`);
    await screenshot(page, "auth-connections");

    const answers = [html];
    const list = await page.request.get(`${server.url}/api/admin/connections`);
    answers.push(await list.text());
    for (const c of (await list.json()).data as { id: string }[])
      answers.push(await (await page.request.get(`${server.url}/api/admin/connections/${c.id}`)).text());
    for (const text of answers) {
      for (const secret of [
        ...tokenForms(TYPED_TOKEN),
        ...tokenForms(SEEDED_TOKEN),
        "typed-webhook-secret",
        canary.webhookSecret,
      ])
        expect(text).not.toContain(secret);
    }
    const row = await readConnectionRow("Typed in the browser");
    expect(row!.tokenCiphertext).toMatch(/^v1\./);
    expect(row!.tokenCiphertext).not.toContain(TYPED_TOKEN.slice(4));
    await context.close();
  });

  it("appears neither in the built .next output nor in the server's log", async () => {
    const needles = [...tokenForms(SEEDED_TOKEN), ...tokenForms(TYPED_TOKEN), canary.webhookSecret];
    expect(await filesContaining(path.resolve(".next"), needles)).toEqual([]);
    const log = server.logs.join("");
    expect(log).toContain("audit");
    for (const needle of needles) expect(log).not.toContain(needle);
  });
});
