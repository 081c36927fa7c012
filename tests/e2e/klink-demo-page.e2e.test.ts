// The demo's home page in Chromium shows live data that the built console reads from a K-LINK
// simulator through the typed client, and says so plainly when K-LINK fails. The page is for
// signed-in staff only: the test signs in as the admin bootstrapped from ADMIN_EMAIL. Also the
// connections page's Test button against the same simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { signInThroughForm } from "../helpers/auth-browser";
import { startConsole, type ConsoleServer } from "../helpers/console-server";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";

const TOKEN = "kpt_e2edemo0123456789";
const ADMIN = { email: "admin@demo-page.test", password: "demo-page-admin-password" };
let sim: RunningSimulator;
let server: ConsoleServer;
let browser: Browser;
let signedIn: BrowserContext;

beforeAll(async () => {
  sim = await startSimulator({ tokens: [TOKEN] });
  server = await startConsole({ KLINK_DEMO_BASE_URL: sim.url, KLINK_DEMO_TOKEN: TOKEN, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
  signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  // Lands on /admin, not the home page, so the simulator's request counters start at zero.
  await signInThroughForm(page, server.url, ADMIN.email, ADMIN.password, "/login?callbackUrl=%2Fadmin");
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sim?.stop();
});

describe("the demo home page", () => {
  it("sends a signed-out visitor to the sign-in page without reading K-LINK", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe("/login");
    const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as Record<string, number>;
    expect(counters["tickets.list"] ?? 0).toBe(0);
  });

  it("shows counts and the ten newest tickets served by the simulator", async () => {
    const page = await signedIn.newPage();
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
    const page = await signedIn.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "K-LINK" }).textContent()).resolves.toContain("K-LINK answered with an error");
    const html = await page.content();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(sim.url);
    await fetch(`${sim.url}/__sim/faults`, { method: "DELETE" });
  });
});

describe("the Test button of the connections page", () => {
  it("calls the simulator with the stored token and shows the result with its latency", async () => {
    const page = await signedIn.newPage();
    const created = await page.request.post(`${server.url}/api/admin/connections`, {
      headers: { origin: server.url },
      data: { name: "E2E simulator", baseUrl: sim.url, token: TOKEN },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${server.url}/admin/connections`);
    await page.getByRole("button", { name: "Test E2E simulator" }).click();
    const status = page.getByRole("status").filter({ hasText: "OK: K-LINK answered" });
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/\(\d+ ms, HTTP 200\)/);
    const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as Record<string, number>;
    expect(counters["categories.list"]).toBe(1);
    await screenshot(page, "connections-test");
  });
});
