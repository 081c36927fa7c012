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

/** Both generated clients have the same model API; code is typed against one of them. */
export type Db = SqliteClient;

export function createDb(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // timeout = busy timeout: several processes (console, worker, tests) may write one file.
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 5000 }) });
}

const globalForDb = globalThis as unknown as { klinkConsoleDb?: Db };

/** The process-wide client (kept on globalThis so dev reloads do not open new pools). */
export function db(): Db {
  globalForDb.klinkConsoleDb ??= createDb(env().DATABASE_URL);
  return globalForDb.klinkConsoleDb;
}

/** Closes the process-wide client; the next db() opens one for the then-configured DATABASE_URL (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const open = globalForDb.klinkConsoleDb;
  globalForDb.klinkConsoleDb = undefined;
  await open?.$disconnect();
}
