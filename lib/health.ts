import "server-only";
// Liveness and readiness of the console's own parts. Reveals no hosts, errors or secrets.
// SQLite held locked by another process (a backup, a purge, a sqlite3 shell) is `busy`, answered
// at once: reads go on, writes wait for the lock asynchronously (lib/db/sqlite-lock-wait.ts).
import type { Db } from "./db/client";
import { databaseProvider, sqliteFilePath } from "./db/provider";
import { sqliteWriteLockHeldElsewhere } from "./db/sqlite-lock-probe";
import { sqliteLockWaits } from "./db/sqlite-lock-wait";
import packageJson from "../package.json";

export type PartHealth = { status: "up" | "busy" | "down"; latencyMs?: number; lockedForMs?: number };

export type Health = {
  /** `degraded`: everything answers, but writes wait (the database is busy). */
  status: "ok" | "degraded" | "error";
  version: string;
  uptimeSeconds: number;
  failing?: string[];
  database: PartHealth & { provider: string };
};

/** `database` may be the function that opens the client: a database that cannot even be opened is down too. */
export async function checkHealth(database: Db | (() => Db), databaseUrl: string): Promise<Health> {
  const provider = databaseProvider(databaseUrl);
  const dbHealth = (provider === "sqlite" && sqliteBusy(databaseUrl)) || (await probeDatabase(database));
  const failing = dbHealth.status === "down" ? ["database"] : [];
  return {
    status: failing.length ? "error" : dbHealth.status === "busy" ? "degraded" : "ok",
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    ...(failing.length ? { failing } : {}),
    database: { ...dbHealth, provider },
  };
}

async function probeDatabase(database: Db | (() => Db)): Promise<PartHealth> {
  const started = performance.now();
  try {
    const client = typeof database === "function" ? database() : database;
    await withTimeout(client.$queryRawUnsafe("SELECT 1"), 3000);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down" };
  }
}

/** Busy when this process's statements are waiting for a lock, or another process holds the write lock now. */
function sqliteBusy(databaseUrl: string): PartHealth | null {
  const waits = sqliteLockWaits();
  if (waits.since !== null) return { status: "busy", lockedForMs: Date.now() - waits.since };
  try {
    return sqliteWriteLockHeldElsewhere(sqliteFilePath(databaseUrl)) ? { status: "busy" } : null;
  } catch {
    // A file that cannot be opened: the probe through the client reports it as down.
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
