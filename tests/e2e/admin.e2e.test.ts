// The console's shell and admin area in Chromium against the built console: who sees which
// navigation, the 403 page for pages above one's role, and the admin journeys (users and the
// last-admin rule, the audit log, K-LINK connections with their webhook URL and Test button,
// personal API keys, webhook history), each page checked with axe. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot } from "../helpers/browser";
import { seriousA11yViolations } from "../helpers/axe";
import { waitFor } from "../../scripts/console-process";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const navLabels = async (page: Page) => (await mainNav(page).getByRole("link").allTextContents()).map((t) => t.trim());
const userRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

describe("the shell for each role", () => {
  for (const role of ["viewer", "agent"] as const) {
    it(`${role}: the main navigation without Admin; admin pages answer with the 403 page; their own API keys open`, async () => {
      const { context, page } = await stack.signIn(role, "/");
      // Agents write, so they also manage their canned replies; viewers send nothing.
      expect(await navLabels(page)).toEqual([
        "Dashboard",
        "Tickets",
        "Contacts",
        "CX logs",
        "Reports",
        "Reference data",
        ...(role === "agent" ? ["Canned replies"] : []),
      ]);
      const user = page.getByTestId("signed-in-user");
      await expect(user.getByRole("button").textContent()).resolves.toContain(role);
      for (const path of ["/admin/users", "/admin/connections", "/admin/audit", "/admin/webhooks", "/admin/drift"]) {
        await page.goto(`${stack.server.url}${path}`);
        await page.waitForURL((url) => url.pathname === "/403");
        await page.getByRole("heading", { name: "Not allowed", level: 1 }).waitFor();
        // Inside the shell: the navigation and the signed-in user are still there.
        expect(await mainNav(page).isVisible()).toBe(true);
      }
      await expect(page.getByText(`with the ${role} role, which may not open that page`).isVisible()).resolves.toBe(
        true,
      );
      if (role === "viewer") {
        await screenshot(page, "forbidden");
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      await user.getByRole("button").first().click();
      await user.getByRole("link", { name: "Your API keys" }).click();
      await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
      expect(await page.getByRole("navigation", { name: "Admin sections" }).count()).toBe(0);
      await context.close();
    });
  }

  it("admin: Admin in the navigation, with its sections; the user menu names the user and opens and closes from the keyboard", async () => {
    const { context, page } = await stack.signIn("admin", "/");
    expect(await navLabels(page)).toEqual([
      "Dashboard",
      "Tickets",
      "Contacts",
      "CX logs",
      "Reports",
      "Reference data",
      "Canned replies",
      "Admin",
    ]);
    await mainNav(page).getByRole("link", { name: "Admin" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/users");
    expect(await mainNav(page).getByRole("link", { name: "Admin" }).getAttribute("aria-current")).toBe("page");
    const sections = page.getByRole("navigation", { name: "Admin sections" });
    expect((await sections.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual([
      "Users",
      "K-LINK connections",
      "API keys",
      "Audit log",
      "Webhooks",
      "Forwarding",
      "K-LINK drift",
    ]);
    expect(await sections.getByRole("link", { name: "Users" }).getAttribute("aria-current")).toBe("page");

    const button = page.getByTestId("signed-in-user").getByRole("button").first();
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await expect(page.getByText("admin@demo.local").first().isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe("user-panel");

    // The skip link is the first thing the keyboard reaches and moves focus to the page.
    await page.goto(`${stack.server.url}/admin/users`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });
});

describe("admin journeys", () => {
  it("creates a user, keeps what was typed when the form is refused, changes a role, enforces the last-admin rule, and shows it all in the audit log", async () => {
    const { context, page } = await stack.signIn("admin", "/admin/users");
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Add a user" }) });
    await form.getByLabel("Email").fill("new.agent@example.test");
    await form.getByLabel("Name").fill("New Agent");
    await form.getByLabel("Password").fill("too short");
    await form.getByRole("button", { name: "Add user" }).click();
    await form.getByText("must be at least 12 characters").first().waitFor();
    expect(await form.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Email").inputValue()).toBe("new.agent@example.test");
    expect(await form.getByLabel("Name").inputValue()).toBe("New Agent");

    await form.getByLabel("Password").fill("a long enough password");
    await form.getByRole("button", { name: "Add user" }).click();
    await page.getByRole("status").filter({ hasText: "Created new.agent@example.test (viewer)." }).waitFor();
    await userRow(page, "new.agent@example.test").waitFor();
    expect(await form.getByLabel("Email").inputValue()).toBe("");

    const row = userRow(page, "new.agent@example.test");
    await row.getByLabel("Role of new.agent@example.test").selectOption("agent");
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByRole("status").filter({ hasText: "Saved new.agent@example.test." }).waitFor();
    await waitFor(async () => (await row.textContent())?.includes("agent") ?? false, 5_000);

    const admin = userRow(page, "admin@demo.local");
    await admin.getByLabel("Role of admin@demo.local").selectOption("viewer");
    await admin.getByRole("button", { name: "Save" }).click();
    await admin
      .getByRole("alert")
      .filter({ hasText: "This is the last active admin: make another user an admin first." })
      .waitFor();
    expect(await admin.getByLabel("Role of admin@demo.local").inputValue()).toBe("viewer");
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "admin-users");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const user = await stack.database.user.findUniqueOrThrow({ where: { email: "new.agent@example.test" } });
    await page.goto(`${stack.server.url}/admin/audit?action=user.update&target=${user.id}`);
    const record = page.getByRole("row").filter({ hasText: "user.update" });
    expect(await record.count()).toBe(1);
    await record.locator("summary").click();
    await expect(record.locator("pre").nth(1).textContent()).resolves.toContain('"role": "viewer"');
    await expect(record.locator("pre").nth(2).textContent()).resolves.toContain('"role": "agent"');
    await page.goto(`${stack.server.url}/admin/audit?action=user.create`);
    await page
      .getByRole("row")
      .filter({ hasText: "admin@demo.local" })
      .filter({ hasText: "user.create" })
      .first()
      .waitFor();
    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(exportHref).toBe("/api/admin/audit/export?action=user.create");
    const csv = await page.request.get(`${stack.server.url}${exportHref}`);
    expect(await csv.text()).toContain("user.create");
    await page.goto(`${stack.server.url}/admin/audit`);
    await screenshot(page, "admin-audit");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows each connection's webhook URL with a copy button, tests connections (ok, unauthorized, unreachable) and switches the active one", async () => {
    const { context, page } = await stack.signIn("admin", "/admin/connections");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.server.url });
    const expectedUrl = `${stack.server.url}/api/webhooks/klink/${stack.connectionId}`;
    const card = page.locator("section", { has: page.getByRole("heading", { name: /Demo simulator/ }) });
    await expect(card.getByTestId("webhook-url").textContent()).resolves.toBe(expectedUrl);
    await card.getByRole("button", { name: "Copy URL" }).click();
    await card.getByRole("status").filter({ hasText: "Copied" }).waitFor({ state: "attached" });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedUrl);

    await card.getByRole("button", { name: "Test Demo simulator" }).click();
    await expect(card.getByRole("status").filter({ hasText: "OK: K-LINK answered" }).textContent()).resolves.toMatch(
      /\(\d+ ms, HTTP 200\)/,
    );

    const add = page.locator("section", { has: page.getByRole("heading", { name: "Add a connection" }) });
    for (const [name, baseUrl, token] of [
      ["Wrong token", stack.sim.url, "kpt_notthesimulatorstoken"],
      ["Nobody home", "http://127.0.0.1:9", "kpt_nobodyhome0000"],
    ]) {
      await add.getByLabel("Name").fill(name);
      await add.getByLabel("Base URL").fill(baseUrl);
      await add.getByLabel("API token").fill(token);
      await add.getByRole("button", { name: "Add connection" }).click();
      await add
        .getByRole("status")
        .filter({ hasText: `Added ${name}.` })
        .waitFor();
    }
    const wrong = page.locator("section", { has: page.getByRole("heading", { name: "Wrong token" }) });
    await wrong.getByRole("button", { name: "Test Wrong token" }).click();
    await wrong
      .getByRole("status")
      .filter({ hasText: /Unauthorized: K-LINK refused the token \(\d+ ms, HTTP 401\)/ })
      .waitFor();
    const nobody = page.locator("section", { has: page.getByRole("heading", { name: "Nobody home" }) });
    await nobody.getByRole("button", { name: "Test Nobody home" }).click();
    await nobody
      .getByRole("status")
      .filter({ hasText: /Unreachable: K-LINK did not answer \(\d+ ms\)/ })
      .waitFor();
    // Webhook settings show only the chosen mode's fields.
    await nobody.getByText("Edit Nobody home").click();
    await nobody.getByLabel("Mode").selectOption("basic");
    expect(await nobody.getByLabel("Signing secret").count()).toBe(0);
    await nobody.getByLabel("User name").waitFor();
    await screenshot(page, "admin-connections");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // With several connections the top bar has a switcher; the dashboard then reads the chosen one.
    await page.goto(`${stack.server.url}/`);
    const switcher = page.getByLabel("K-LINK connection");
    expect(await switcher.inputValue()).toBe(stack.connectionId);
    const wrongId = (await stack.database.klinkConnection.findUniqueOrThrow({ where: { name: "Wrong token" } })).id;
    await switcher.selectOption(wrongId);
    await page.getByTestId("card-status").getByText("Tickets by status could not be loaded.").waitFor();
    await page.getByLabel("K-LINK connection").selectOption(stack.connectionId);
    await page.getByTestId("card-status").locator(".recharts-bar-rectangle").first().waitFor();
    await context.close();
  });

  it("creates a personal API key that is shown once, lets its owner and an admin revoke keys through a confirmation dialog", async () => {
    const agent = await stack.signIn("agent", "/admin/keys");
    await agent.page.getByLabel("Key name").fill("agent script");
    await agent.page.getByRole("button", { name: "Create key" }).click();
    const key = (await agent.page.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^kc_/);
    expect((await fetch(`${stack.server.url}/api/keys`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      200,
    );
    await agent.page.reload();
    expect(await agent.page.content()).not.toContain(key);
    await agent.page.getByLabel("Key name").fill("short lived");
    await agent.page.getByRole("button", { name: "Create key" }).click();
    await agent.page.getByTestId("new-api-key").waitFor();
    await agent.page.reload();
    // The owner revokes one; Escape first cancels the dialog and gives focus back.
    const revoke = agent.page.getByRole("button", { name: "Revoke short lived" });
    await revoke.click();
    const dialog = agent.page.getByRole("dialog", { name: "Revoke the key short lived?" });
    await dialog.waitFor();
    await agent.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await revoke.evaluate((el) => el === document.activeElement)).toBe(true);
    await revoke.click();
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await userRow(agent.page, "short lived").getByText("revoked").waitFor();
    await agent.context.close();

    const admin = await stack.signIn("admin", "/admin/keys");
    const others = admin.page.locator("section", {
      has: admin.page.getByRole("heading", { name: "Other users' keys" }),
    });
    const row = userRow(admin.page, "agent script");
    await expect(row.textContent()).resolves.toContain(stack.users.agent.email);
    expect(await others.getByRole("row").filter({ hasText: "agent script" }).count()).toBe(1);
    await row.getByRole("button", { name: "Revoke agent script" }).click();
    await admin.page
      .getByRole("dialog", { name: "Revoke the key agent script?" })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await row.getByText("revoked").waitFor();
    expect((await fetch(`${stack.server.url}/api/keys`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      401,
    );
    await screenshot(admin.page, "admin-keys");
    expect(await seriousA11yViolations(admin.page)).toEqual([]);
    await admin.context.close();
  });

  it("lists webhook deliveries with their counts, opens one, and passes the accessibility check", async () => {
    const ticket = (await stack.klink<{ data: { id: string }[] }>("/api/v1/tickets?pageSize=1")).data[0];
    await stack.klink(`/api/v1/tickets/${ticket.id}`, {
      method: "PATCH",
      body: { title: "Changed for the webhook history" },
    });
    await waitFor(
      async () => (await stack.database.webhookDelivery.count({ where: { eventType: "ticket.update" } })) >= 1,
      5_000,
    );
    const { context, page } = await stack.signIn("admin", "/admin/webhooks");
    await page
      .getByRole("table", { name: "Deliveries", exact: true })
      .getByRole("row")
      .filter({ hasText: "ticket.update" })
      .first()
      .waitFor();
    await screenshot(page, "admin-webhooks");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .getByRole("table", { name: "Deliveries", exact: true })
      .getByRole("row")
      .filter({ hasText: "ticket.update" })
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { name: "ticket.update", level: 1 }).waitFor();
    await screenshot(page, "admin-webhook-delivery");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
