import "server-only";
// The Prisma client for the configured database. One build serves SQLite and PostgreSQL: the
// provider follows the scheme of DATABASE_URL and each provider has its own generated client.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { env } from "../env";
import { databaseProvider, sqliteFilePath } from "./provider";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { processGlobal } from "../process-global";
import { waitingForLocks } from "./sqlite-lock-wait";

/** Both generated clients have the same model API; code is typed against one of them. */
export type Db = SqliteClient;

/** How long a statement waits for a lock another process holds on the SQLite file (DATABASE_LOCK_WAIT_MS). */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

export function createDb(url: string, lockWaitMs = DEFAULT_LOCK_WAIT_MS): Db {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // Several processes (console, scripts, tests) may use one file. The busy timeout is 0: a lock
  // held elsewhere is waited for asynchronously (sqlite-lock-wait.ts), never on the event loop.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 0 });
  return new SqliteClient({ adapter: waitingForLocks(adapter, lockWaitMs) });
}

const processDb = processGlobal<Db>("db");

/** The process-wide client (one pool per process, whichever bundle asks). */
export function db(): Db {
  return processDb.init(() => createDb(env().DATABASE_URL, env().DATABASE_LOCK_WAIT_MS));
}

/** Closes the process-wide client; the next db() opens one for the then-configured DATABASE_URL (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const open = processDb.get();
  processDb.set(undefined);
  await open?.$disconnect();
}
