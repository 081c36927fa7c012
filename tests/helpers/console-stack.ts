// The whole product for a browser journey, with real parts only: a K-LINK simulator on a real
// socket, the built console (scripts/serve.mjs, as `npm start` runs it) on its own fresh SQLite database with the demo users
// (one per role) and a default connection to that simulator, and the simulator told to post its
// signed webhooks to the console. Needs `npm run build` first.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import type { Role } from "../../lib/identity/roles";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { migrateDatabase } from "../../scripts/run-prisma-migrate";
import { signInThroughForm } from "./auth-browser";
import { launchBrowser } from "./browser";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";

export type ConsoleStack = {
  server: ConsoleServer;
  sim: RunningSimulator;
  browser: Browser;
  /** The console's database, for assertions (audit rows, webhook history). */
  database: Db;
  connectionId: string;
  /** The ids of the extra connections asked for, by name. */
  connectionIds: Record<string, string>;
  token: string;
  users: Record<Role, { email: string; password: string }>;
  /** A new browser context signed in through the login page as `role`; lands on `path`. */
  signIn(role: Role, path?: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Calls the simulator's K-LINK API directly, as K-LINK itself (changes made "in K-LINK"). */
  klink<T = unknown>(pathAndQuery: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** The simulator's control API (/__sim/...): faults, reset, counters, request log. */
  control<T = unknown>(method: string, pathAndQuery: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
};

export async function startConsoleStack(
  options: {
    env?: Record<string, string>;
    seed?: number;
    /** More connections beside the default one to the simulator (e.g. to another K-LINK stand-in), with the same token. */
    connections?: { name: string; baseUrl: string }[];
  } = {},
): Promise<ConsoleStack> {
  const encryptionKey = Buffer.alloc(32, 11).toString("base64");
  const token = `kpt_e2e${Math.random().toString(36).slice(2, 14)}`;
  const webhookSecret = `whsec_e2e_${Math.random().toString(36).slice(2, 14)}`;
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-console-stack-")), "console.db")}`;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey });
  migrateDatabase(databaseUrl, { quiet: true });
  const sim = await startSimulator({
    port: 0,
    tokens: [token],
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const { seedDemo } = await import("../../scripts/demo-seed");
  const seeded = await seedDemo({ klinkBaseUrl: sim.url, klinkToken: token, webhookSecret });
  const { insertConnection } = await import("../../lib/connections/create-connection");
  const { systemAudit } = await import("../../lib/audit/request-audit");
  const connectionIds: Record<string, string> = {};
  for (const extra of options.connections ?? [])
    connectionIds[extra.name] = (await insertConnection({ ...extra, token }, systemAudit())).id;
  const { db } = await import("../../lib/db/client");
  await db().$disconnect();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const server = await startConsole({ DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey, ...options.env });
  const connectionId = seeded.connectionId!;
  const registered = await fetch(`${sim.url}/__sim/webhooks/targets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${server.url}/api/webhooks/klink/${connectionId}`, secret: webhookSecret }),
  });
  if (!registered.ok) throw new Error(`the simulator refused the webhook target (${registered.status})`);
  const browser = await launchBrowser();
  const database = createDb(databaseUrl);
  const users = Object.fromEntries(
    seeded.users.map((u) => [u.role, { email: u.email, password: u.password }]),
  ) as ConsoleStack["users"];

  return {
    server,
    sim,
    browser,
    database,
    connectionId,
    connectionIds,
    token,
    users,
    async signIn(role, target = "/") {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughForm(
        page,
        server.url,
        users[role].email,
        users[role].password,
        `/login?callbackUrl=${encodeURIComponent(target)}`,
      );
      return { context, page };
    },
    async klink(pathAndQuery, init = {}) {
      const response = await fetch(`${sim.url}${pathAndQuery}`, {
        method: init.method ?? "GET",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return (await response.json()) as never;
    },
    async control(method, pathAndQuery, body) {
      const response = await fetch(`${sim.url}/__sim/${pathAndQuery.replace(/^\//, "")}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as never;
    },
    async stop() {
      await browser.close().catch(() => {});
      await server.stop();
      await sim.stop();
      await database.$disconnect();
    },
  };
}
