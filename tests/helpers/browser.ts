// Real Chromium (Debian's package) through playwright-core. Never downloads a browser. Every
// context it opens reports the Content-Security-Policy violations of its pages (the
// securitypolicyviolation events, and Chromium's own console errors about the policy): the
// journeys' set-up (tests/helpers/csp-guard.ts) fails any journey during which one happened.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");

export type CspViolation = { page: string; report: string };

const violations: CspViolation[] = [];

/** The violations reported since the last call, which are then forgotten. */
export function takeCspViolations(): CspViolation[] {
  return violations.splice(0);
}

const REPORT_BINDING = "__reportCspViolation";

async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding(REPORT_BINDING, ({ page }, report: string) =>
    violations.push({ page: page.url(), report }),
  );
  await context.addInitScript((binding: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`;
      (window as unknown as Record<string, (report: string) => void>)[binding](report);
    });
  }, REPORT_BINDING);
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      violations.push({ page: message.page()?.url() ?? "", report: message.text() });
  });
}

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh, empty user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // browser.newPage() opens its context through newContext() too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await reportCspViolations(context);
    return context;
  };
  return browser;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
