import "server-only";
// Liveness and readiness of the console's own parts. Reveals no hosts, errors or secrets.
import type { Db } from "./db/client";
import { databaseProvider } from "./db/provider";
import packageJson from "../package.json";

export type PartHealth = { status: "up" | "down"; latencyMs?: number };

export type Health = {
  status: "ok" | "error";
  version: string;
  uptimeSeconds: number;
  failing?: string[];
  database: PartHealth & { provider: string };
};

/** `database` may be the function that opens the client: a database that cannot even be opened is down too. */
export async function checkHealth(database: Db | (() => Db), databaseUrl: string): Promise<Health> {
  const started = performance.now();
  let dbHealth: PartHealth;
  try {
    const client = typeof database === "function" ? database() : database;
    await withTimeout(client.$queryRawUnsafe("SELECT 1"), 3000);
    dbHealth = { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    dbHealth = { status: "down" };
  }
  const failing = dbHealth.status === "down" ? ["database"] : [];
  return {
    status: failing.length ? "error" : "ok",
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    ...(failing.length ? { failing } : {}),
    database: { ...dbHealth, provider: databaseProvider(databaseUrl) },
  };
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
