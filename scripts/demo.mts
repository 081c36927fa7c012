// npm run demo — the console on the embedded default, with nothing to set up: SQLite in ./data,
// local secrets generated on first run, the in-memory cache. Builds when the sources changed,
// applies migrations, starts the console. Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { parseEnv } from "../lib/env";
import { migrateDatabase } from "./run-prisma-migrate";
import { exitWithReason } from "./exit-with-reason";
import { buildIsStale } from "./build-is-stale";

const port = Number(process.env.PORT ?? 3000);
process.env.DEMO_MODE = "true";
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const children: ChildProcess[] = [];
function stopAll(code = 0) {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

try {
  const env = parseEnv(process.env);
  if (buildIsStale()) {
    console.log("[demo] building the console (first run or sources changed) ...");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  migrateDatabase(env.DATABASE_URL);
} catch (error) {
  exitWithReason(error);
}

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: process.env,
});
children.push(next);
next.on("exit", (code) => stopAll(code ?? 0));

console.log(`
  Klink Console (demo mode) is starting on http://localhost:${port}
  Database: ${process.env.DATABASE_URL ?? "file:./data/console.db"} · cache: in memory
  Press Ctrl-C to stop.
`);
