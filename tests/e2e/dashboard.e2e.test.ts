// The dashboard in Chromium against the built console and the K-LINK simulator: the ticket
// counts K-LINK holds (by status, priority, channel) as charts with their numbers, webhook
// deliveries per hour, K-LINK health and the cache, on a laptop and a phone; and the stale
// banner when K-LINK stops answering. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot } from "../helpers/browser";
import { seriousA11yViolations } from "../helpers/axe";
import { waitFor } from "../../scripts/console-process";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

type Listing = { total: number; data: { id: string }[] };
type Fields = { data: { system_name: string; options: { value: string }[] }[] };

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function total(query: string): Promise<number> {
  return (await stack.klink<Listing>(`/api/v1/tickets?${query}&pageSize=1`)).total;
}

async function optionsOf(systemName: string): Promise<string[]> {
  const fields = await stack.klink<Fields>("/api/v1/tickets/fields?pageSize=100");
  return fields.data.find((f) => f.system_name === systemName)!.options.map((o) => o.value);
}

const countCell = (page: Page, dimension: string, value: string) => page.getByTestId(`count-${dimension}-${value}`);

describe("the dashboard", () => {
  it("shows K-LINK's ticket counts by status, priority and channel as bar charts with their numbers", async () => {
    const { context, page } = await stack.signIn("viewer", "/");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    for (const dimension of ["status", "priority", "channel"]) {
      const card = page.getByTestId(`card-${dimension}`);
      await card.waitFor();
      const options = await optionsOf(dimension);
      expect(options.length).toBeGreaterThan(1);
      for (const value of options) {
        const expected = await total(`${dimension}=${encodeURIComponent(value)}`);
        await expect(countCell(page, dimension, value).textContent()).resolves.toBe(expected.toLocaleString("en"));
      }
      await expect(countCell(page, dimension, "total").textContent()).resolves.toBe(
        (await total("")).toLocaleString("en"),
      );
      // The chart: one bar per option (plus "Other or not set" when some tickets have none), each labelled with its count.
      await card.locator(".recharts-bar-rectangle").first().waitFor();
      expect(await card.locator(".recharts-bar-rectangle").count()).toBeGreaterThanOrEqual(options.length);
      const chartLabel = await card.locator("div[role=img]").getAttribute("aria-label");
      expect(chartLabel).toContain(`${(await total("")).toLocaleString("en")} tickets in all`);
    }
    // The numbers open as a table whose rows link to the filtered ticket list.
    await page.getByTestId("card-status").getByText("Numbers").click();
    const firstStatus = (await optionsOf("status"))[0];
    expect(await page.getByTestId("card-status").getByRole("link").first().getAttribute("href")).toBe(
      `/tickets?status=${encodeURIComponent(firstStatus).replace(/%20/g, "+")}`,
    );
    await context.close();
  });

  it("charts webhook deliveries per hour, K-LINK health and the cache hit rate", async () => {
    const ticket = (await stack.klink<Listing>("/api/v1/tickets?pageSize=1")).data[0];
    await stack.klink(`/api/v1/tickets/${ticket.id}`, {
      method: "PATCH",
      body: { title: "Changed in K-LINK for the dashboard test" },
    });
    await waitFor(
      async () => (await stack.database.webhookDelivery.count({ where: { status: "processed" } })) >= 1,
      5_000,
    );
    const delivered = await stack.database.webhookDelivery.count({ where: { connectionId: stack.connectionId } });

    const { context, page } = await stack.signIn("admin", "/");
    const deliveries = page.getByTestId("card-deliveries");
    await expect(deliveries.getByTestId("deliveries-total").textContent()).resolves.toBe(String(delivered));
    await deliveries.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await deliveries.locator("div[role=img]").getAttribute("aria-label")).toContain(`${delivered} in all`);

    const upstream = page.getByTestId("card-upstream");
    await expect(upstream.getByTestId("upstream-state").textContent()).resolves.toBe("Answering");
    await expect(upstream.getByTestId("circuit-state").textContent()).resolves.toContain("closed");
    await expect(page.getByTestId("card-cache").getByTestId("cache-hit-rate").textContent()).resolves.toMatch(/^\d+%$/);
    await page.locator("[data-testid=card-cache] .recharts-pie-sector").first().waitFor();
    await page.getByTestId("card-status").getByText("Numbers").click();
    await screenshot(page, "dashboard");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("fits a phone: the navigation opens from a Menu button and closes with Escape", async () => {
    const context = await stack.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const { signInThroughForm } = await import("../helpers/auth-browser");
    await signInThroughForm(
      page,
      stack.server.url,
      stack.users.agent.email,
      stack.users.agent.password,
      "/login?callbackUrl=%2F",
    );
    await page.getByTestId("card-status").locator(".recharts-bar-rectangle").first().waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await nav.getByRole("link", { name: "Tickets" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Menu");
    // Nothing sticks out sideways: the page is as wide as the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "dashboard-phone");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("when K-LINK stops answering", () => {
  it("keeps showing the saved counts under a banner that says how old they are", async () => {
    const { context, page } = await stack.signIn("agent", "/");
    await page.getByTestId("card-status").locator(".recharts-bar-rectangle").first().waitFor();
    const before = await countCell(page, "status", "total").textContent();
    expect(await page.getByTestId("stale-banner").count()).toBe(0);

    await stack.control("POST", "faults", { pathPattern: "/api/v1/**", status: 503 });
    // Tickets are cached for 15 s (LIVE_CACHE): past that, the console must ask K-LINK again.
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    await page.reload();
    const banner = page.getByTestId("stale-banner");
    // The reload shows the saved data while it is refreshed; the failed refresh brings the banner.
    await banner.waitFor({ timeout: 15_000 });
    await expect(banner.textContent()).resolves.toMatch(/K-LINK is not answering\..*saved data from \d+ s ago/);
    await expect(countCell(page, "status", "total").textContent()).resolves.toBe(before);
    await expect(page.getByTestId("upstream-state").textContent()).resolves.toBe("Not answering");
    await screenshot(page, "dashboard-stale");
    await stack.control("DELETE", "faults");
    await context.close();
  }, 60_000);
});
