// npm run demo — the console on the embedded default, with nothing to set up: SQLite in ./data,
// local secrets and sign-in passwords generated on first run, the in-memory cache, and the
// built-in K-LINK simulator. Builds when the sources changed, applies migrations, starts the
// simulator, seeds one user per role and a "Demo simulator" connection (pointed at this run's
// simulator address and token), registers the console's webhook endpoint with the simulator, and
// starts the console, on 127.0.0.1 unless HOST says otherwise: anyone who can reach the demo can
// sign in with the passwords it prints.
// Runs under `tsx --conditions=react-server` (npm run demo): the seed imports server-only modules.
// Ctrl-C stops everything it started.
import "./load-env-for-next-start";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseEnv } from "../lib/env";
import { startSimulator, type RunningSimulator } from "../lib/klink/simulator";
import { migrateDatabase } from "./run-prisma-migrate";
import { exitWithReason } from "./exit-with-reason";
import { buildIsStale } from "./build-is-stale";
import { seedDemo } from "./demo-seed";
import { demoWebhookSecret } from "./demo-webhook-secret";
import { demoPasswordsPath } from "./demo-passwords";
import { db } from "../lib/db/client";

const port = Number(process.env.PORT || 3000);
// scripts/serve.mjs listens on 127.0.0.1 in demo mode unless HOST says otherwise.
const host = process.env.HOST || "127.0.0.1";
const everyInterface = host === "0.0.0.0" || host === "::";
// How the simulator reaches the console: where it listens, loopback when that is every interface.
const consoleHost = everyInterface ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
process.env.DEMO_MODE = "true";
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const children: ChildProcess[] = [];
let simulator: RunningSimulator | undefined;
function stopAll(code = 0) {
  for (const child of children) child.kill("SIGTERM");
  void (simulator?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

let klinkLine: string;
let webhookLine = "";
let signIns: { email: string; password: string; role: string }[] = [];
let passwordsFile = "";
try {
  const env = parseEnv(process.env);
  if (buildIsStale()) {
    console.log("[demo] building the console (first run or sources changed) ...");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  migrateDatabase(env.DATABASE_URL);
  // A fresh token per run: the simulator listens on loopback only and holds demo data only.
  const token = `kpt_demo${randomBytes(12).toString("hex")}`;
  simulator = await startSimulator({ port: env.KLINK_SIMULATOR_PORT, host: "127.0.0.1", tokens: [token] }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === "EADDRINUSE"
          ? `port ${env.KLINK_SIMULATOR_PORT} is in use: set KLINK_SIMULATOR_PORT to a free port`
          : `the K-LINK simulator did not start: ${error.message}`,
      );
    },
  );
  klinkLine = `K-LINK simulator: ${simulator.url} (control API ${simulator.url}/__sim/info)`;
  const webhookSecret = demoWebhookSecret(env.DATABASE_URL);
  passwordsFile = demoPasswordsPath(env.DATABASE_URL);
  const seeded = await seedDemo({ klinkBaseUrl: simulator.url, klinkToken: token, webhookSecret });
  signIns = seeded.users;
  if (seeded.connectionId) {
    const webhookUrl = `http://${consoleHost}:${port}/api/webhooks/klink/${seeded.connectionId}`;
    const registered = await fetch(`${simulator.url}/__sim/webhooks/targets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: webhookUrl, secret: webhookSecret }),
    });
    if (!registered.ok) throw new Error(`the simulator refused the webhook target (${registered.status})`);
    webhookLine = `\n  Webhooks: the simulator posts its events to ${webhookUrl}`;
  }
  // The console opens the database itself; let go of this process's connection.
  await db().$disconnect();
} catch (error) {
  await simulator?.stop();
  exitWithReason(error);
}

const next = spawn(process.execPath, ["scripts/serve.mjs"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PORT: String(port) },
});
children.push(next);
next.on("exit", (code) => stopAll(code ?? 0));

const width = Math.max(...signIns.map((u) => u.email.length));
const loopback = /^(127\.|::1$|localhost$)/.test(host);
const reach = loopback
  ? `http://localhost:${port} (this computer only; HOST=0.0.0.0 opens it to your network)`
  : `http://${consoleHost}:${port} (${everyInterface ? "every interface: " : ""}reachable beyond this computer)`;
console.log(`
  Klink Console (demo mode) is starting on ${reach}
  ${klinkLine}${webhookLine}
  Database: ${process.env.DATABASE_URL ?? "file:./data/console.db"} · cache: in memory

  Demo sign-ins (made for this data folder, kept in ${passwordsFile}):
${signIns.map((u) => `    ${u.role.padEnd(6)}  ${u.email.padEnd(width)}  ${u.password}`).join("\n")}

  Press Ctrl-C to stop.
`);
