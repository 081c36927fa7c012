// Starts the built console (scripts/serve.mjs, what `npm start` runs) on a free port with its own fresh SQLite database,
// the way a user runs it. Used by browser journeys and by benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "./run-prisma-migrate";

export type ConsoleServer = {
  url: string;
  port: number;
  databaseUrl: string;
  logs: string[];
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash would: nothing is flushed or finished. */
  kill: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `migrate: false`: the database is migrated already (a second instance on a running one's database). */
export async function startConsole(
  extraEnv: Record<string, string> = {},
  options: { migrate?: boolean } = {},
): Promise<ConsoleServer> {
  const port = await freePort();
  const databaseUrl =
    extraEnv.DATABASE_URL ?? `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-console-e2e-")), "console.db")}`;
  if (options.migrate !== false) migrateDatabase(databaseUrl, { quiet: true });
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef0123456789",
    APP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    LOG_LEVEL: "warn",
    ...extraEnv,
  } as unknown as NodeJS.ProcessEnv;
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const url = `http://localhost:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/api/health`)).ok,
    30_000,
    () => logs.join(""),
  );
  return {
    url,
    port,
    databaseUrl,
    logs,
    stop: () => stopChild(child),
    kill: () => stopChild(child, "SIGKILL"),
  };
}

/** Ends a child process and resolves once it has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise<void>((resolve) => {
    // A child ended by a signal (kill() above) has a signalCode and no exitCode.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe?: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms${describe ? `\n${describe()}` : ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
