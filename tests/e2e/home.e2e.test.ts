import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";

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
  it("sends a signed-out visitor from the home page to the sign-in page, which names the product", async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBeLessThan(400);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Klink Console");
    await screenshot(page, "home");
  });
});
