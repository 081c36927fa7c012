// K-LINK webhooks in the built console, with real parts only: the simulator posts signed
// deliveries over a real socket to the console's server (scripts/serve.mjs, as `npm start` runs
// it), staff watch in Chromium. Needs `npm run build`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../scripts/run-prisma-migrate";
import { launchBrowser, screenshot } from "../helpers/browser";
import { startConsole, waitFor, type ConsoleServer } from "../../scripts/console-process";
import { signInThroughForm } from "../helpers/auth-browser";

const ENCRYPTION_KEY = Buffer.alloc(32, 13).toString("base64");
const TOKEN = "kpt_webhooks_e2e_token_0001";
const SECRET = "whsec_webhooks_e2e_0123456789";

let sim: RunningSimulator;
let server: ConsoleServer;
let browser: Browser;
let database: Db;
let users: { email: string; password: string; role: string }[];
let connectionId: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-webhooks-e2e-")), "console.db")}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: ENCRYPTION_KEY });
  migrateDatabase(databaseUrl, { quiet: true });
  sim = await startSimulator({ port: 0, tokens: [TOKEN] });
  const { seedDemo } = await import("../../scripts/demo-seed");
  const seeded = await seedDemo({ klinkBaseUrl: sim.url, klinkToken: TOKEN, webhookSecret: SECRET });
  users = seeded.users;
  connectionId = seeded.connectionId!;
  const { db } = await import("../../lib/db/client");
  await db().$disconnect();
  server = await startConsole({ DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: ENCRYPTION_KEY });
  database = createDb(databaseUrl);
  // K-LINK is told the console's webhook URL, as an admin would set it up in K-LINK.
  await fetch(`${sim.url}/__sim/webhooks/targets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${server.url}/api/webhooks/klink/${seeded.connectionId}`, secret: SECRET }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sim?.stop();
  await database?.$disconnect();
  process.env = savedEnv;
});

async function signedIn(role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = users.find((u) => u.role === role)!;
  await signInThroughForm(page, server.url, user.email, user.password);
  return { context, page };
}

const klink = (pathAndQuery: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${sim.url}${pathAndQuery}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).then((r) => r.json());

describe("webhooks in the running console", () => {
  it("shows a K-LINK change in the open history page within a second, verified and processed, without a reload", async () => {
    const { context, page } = await signedIn("admin");
    const listening = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
    await page.goto(`${server.url}/admin/webhooks`);
    await listening;
    const ticket = (await klink("/api/v1/tickets?pageSize=1")).data[0];
    const changedAt = Date.now();
    await klink(`/api/v1/tickets/${ticket.id}/status`, { method: "PUT", body: { status: "closed" } });

    await waitFor(
      async () =>
        (await database.webhookDelivery.count({
          where: { eventType: "ticket.update", status: "processed", verification: "verified" },
        })) === 1,
      5_000,
    );
    expect(Date.now() - changedAt).toBeLessThan(1_000);
    const row = page
      .getByRole("table", { name: "Deliveries", exact: true })
      .getByRole("row")
      .filter({ hasText: "ticket.update" })
      .filter({ hasText: "processed" });
    await row.first().waitFor({ timeout: 5_000 });
    await expect(row.first().getByRole("cell", { name: "verified" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "webhooks-history-live");
    await context.close();
  });

  it("delivers live events to any signed-in role's open page (Server-Sent Events)", async () => {
    const { context, page } = await signedIn("viewer");
    await page.goto(`${server.url}/admin/keys`);
    const received = page.evaluate(
      () =>
        new Promise<{ type: string; id?: string }>((resolve) => {
          const source = new EventSource("/api/events");
          source.onopen = () => ((window as unknown as { eventsOpen: boolean }).eventsOpen = true);
          source.onmessage = (m) => {
            source.close();
            resolve(JSON.parse(m.data));
          };
        }),
    );
    await page.waitForFunction(() => (window as unknown as { eventsOpen?: boolean }).eventsOpen === true);
    const contact = (await klink("/api/v1/contacts?pageSize=1")).data[0];
    await klink(`/api/v1/contacts/${contact.id}`, { method: "PATCH", body: { name: "Renamed by the e2e test" } });
    expect(await received).toMatchObject({ type: "contact.updated", id: contact.id });
    await context.close();
  });

  it("answers deliveries in front of Next.js, records the socket's address, and verifies with a secret an admin set a moment ago", async () => {
    expect(server.logs.join("")).toContain("webhook deliveries and K-LINK proxy reads answered in front of Next.js");
    // The history records the socket's address, never one the sender claims.
    const forged = await fetch(`${server.url}/api/webhooks/klink/${connectionId}`, {
      method: "POST",
      body: '{"event":"x"}',
      headers: { "x-forwarded-for": "6.6.6.6", "x-klink-peer-address": "6.6.6.7" },
    });
    expect(forged.status).toBe(401);
    const row = await database.webhookDelivery.findUniqueOrThrow({
      where: { id: forged.headers.get("x-webhook-delivery-id")! },
    });
    expect(["127.0.0.1", "::1"]).toContain(row.sourceIp);
    const { context } = await signedIn("admin");
    const asAdmin = { headers: { origin: server.url } };
    const testEvent = async () =>
      (
        (await (
          await context.request.post(`${server.url}/api/admin/connections/${connectionId}/webhook-test`, asAdmin)
        ).json()) as { data: { result: string; status?: number } }
      ).data;
    // The receiver has the connection's settings in memory now...
    expect(await testEvent()).toMatchObject({ result: "accepted", status: 200 });
    // ...and a new secret (the old one stays valid for the simulator) must verify at once.
    const changed = await context.request.patch(`${server.url}/api/admin/connections/${connectionId}`, {
      ...asAdmin,
      data: { webhook: { secret: "whsec_rotated_in_e2e_0001" } },
    });
    expect(changed.status()).toBe(200);
    expect(await testEvent()).toMatchObject({ result: "accepted", status: 200 });
    await context.close();
  });

  it("sends a signed test event and replays a delivery from the pages", async () => {
    const { context, page } = await signedIn("admin");
    await page.goto(`${server.url}/admin/webhooks`);
    await page.getByRole("button", { name: "Send test event" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Accepted by http:\/\/localhost:\d+\/api\/webhooks\/klink\// })
      .waitFor();

    await page
      .getByRole("table", { name: "Deliveries", exact: true })
      .getByRole("row")
      .filter({ hasText: "webhook.test" })
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { name: /webhook\.test/ }).waitFor();
    await page.getByRole("button", { name: "Replay (process again)" }).click();
    await page.getByRole("status").filter({ hasText: "Processed again." }).waitFor();
    expect(await database.auditLog.count({ where: { action: "webhook.replay", outcome: "success" } })).toBe(1);
    await screenshot(page, "webhooks-delivery-detail");
    await context.close();
  });
});
