// The console's states in Chromium against the built console: the login page (and what it keeps
// when a sign-in fails), loading skeletons while K-LINK is slow, not-found inside and outside the
// shell, and the error boundary with its reference and retry. Each is screenshotted and checked
// with axe. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../helpers/browser";
import { seriousA11yViolations } from "../helpers/axe";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("signing in", () => {
  it("keeps the e-mail address typed when the password is wrong, and passes the accessibility check", async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.server.url}/login`);
    await page.getByRole("heading", { name: "Sign in to Klink Console", level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "login");
    await page.getByLabel("Email").fill(stack.users.agent.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Incorrect email or password." }).waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe(stack.users.agent.email);
    await context.close();
  });
});

describe("loading", () => {
  it("shows skeletons for the ticket cards while K-LINK is slow, and the rest of the dashboard at once", async () => {
    // Signed in on another page, so the dashboard's K-LINK reads are not cached yet.
    const { context, page } = await stack.signIn("viewer", "/admin/keys");
    await stack.control("POST", "faults", { pathPattern: "/api/v1/tickets", latencyMs: 2_500, count: 6 });
    try {
      await page.goto(`${stack.server.url}/`, { waitUntil: "commit" });
      const skeleton = page.getByRole("status").filter({ hasText: "Loading tickets by status…" });
      await skeleton.waitFor({ state: "attached" });
      await page.getByTestId("card-deliveries").waitFor();
      expect(await page.getByTestId("card-status").count()).toBe(0);
      await page.getByTestId("card-status").waitFor({ timeout: 20_000 });
      expect(await skeleton.count()).toBe(0);
    } finally {
      await stack.control("DELETE", "faults");
    }
    await context.close();
  });
});

describe("not found", () => {
  it("answers an unknown address with a 404 page that leads back in", async () => {
    const { context, page } = await stack.signIn("agent", "/");
    const response = await page.goto(`${stack.server.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "This page does not exist", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Go to Klink Console" }).getAttribute("href")).toBe("/");
    await screenshot(page, "not-found");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows a console record that does not exist inside the shell", async () => {
    const { context, page } = await stack.signIn("admin", "/");
    await page.goto(`${stack.server.url}/admin/webhooks/no-such-delivery`);
    await page.getByRole("heading", { name: "This page does not exist", level: 1 }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
    await screenshot(page, "not-found-in-console");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("a page that fails", () => {
  it("shows a clear message with the error's reference, and Try again brings the page back once the fault is gone", async () => {
    const { context, page } = await stack.signIn("admin", "/admin/keys");
    // A real server-side failure: the audit table disappears under the running console.
    await stack.database.$executeRawUnsafe('ALTER TABLE "AuditLog" RENAME TO "AuditLogAway"');
    try {
      await page.goto(`${stack.server.url}/admin/audit`);
      await page.getByRole("heading", { name: "This page could not be shown", level: 1 }).waitFor();
      const digest = (await page.getByTestId("error-digest").textContent())?.trim();
      expect(digest).toMatch(/^\w+$/);
      await expect(page.getByRole("alert").filter({ hasText: "could not be shown" }).textContent()).resolves.toContain(
        `Error reference to quote: ${digest}`,
      );
      // Nothing of the underlying error reaches the page.
      expect(await page.content()).not.toMatch(/AuditLog|prisma|no such table/i);
      expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
      await screenshot(page, "error");
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await stack.database.$executeRawUnsafe('ALTER TABLE "AuditLogAway" RENAME TO "AuditLog"');
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await context.close();
  });
});
