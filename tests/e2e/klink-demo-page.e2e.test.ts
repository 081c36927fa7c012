// The demo's home page in Chromium shows live data that the built console reads from a K-LINK
// simulator through the typed client, and says so plainly when K-LINK fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../helpers/console-server";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";

const TOKEN = "kpt_e2edemo0123456789";
let sim: RunningSimulator;
let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  sim = await startSimulator({ tokens: [TOKEN] });
  server = await startConsole({ KLINK_DEMO_BASE_URL: sim.url, KLINK_DEMO_TOKEN: TOKEN });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sim?.stop();
});

describe("the demo home page", () => {
  it("shows counts and the ten newest tickets served by the simulator", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByRole("heading", { name: "Live from K-LINK" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("stat-contacts").textContent()).resolves.toBe("500");
    await expect(page.getByTestId("stat-tickets").textContent()).resolves.toBe("2,000");
    const rows = page.getByRole("table", { name: "Newest tickets" }).locator("tbody tr");
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.first().locator("td").first().textContent()).resolves.toBe("39999");
    const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as Record<string, number>;
    expect(counters).toMatchObject({ "tickets.list": 2, "contacts.list": 1, "channels.list": 1 });
    await screenshot(page, "demo-home");
  });

  it("says K-LINK answered with an error, revealing no detail, when the simulator fails", async () => {
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ pathPattern: "/api/v1/tickets", status: 503 }) });
    const page = await browser.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "K-LINK" }).textContent()).resolves.toContain("K-LINK answered with an error");
    const html = await page.content();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(sim.url);
    await fetch(`${sim.url}/__sim/faults`, { method: "DELETE" });
  });
});
