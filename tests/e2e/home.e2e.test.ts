import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../helpers/console-server";

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  server = await startConsole();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the built console in Chromium", () => {
  it("serves the home page with the product name", async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBeLessThan(400);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Klink Console");
    await screenshot(page, "home");
  });
});
