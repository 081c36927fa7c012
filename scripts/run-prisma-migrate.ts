// Applies the committed migrations of the configured provider with the Prisma CLI
// (prisma migrate deploy), then makes an SQLite file fit for several processes (WAL).
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { databaseProvider, sqliteFilePath } from "../lib/db/provider";
import { mkdirSync } from "node:fs";
import path from "node:path";

export function migrateDatabase(databaseUrl: string, options: { quiet?: boolean } = {}): void {
  const provider = databaseProvider(databaseUrl);
  if (provider === "sqlite") mkdirSync(path.dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const reason = `${result.stderr}\n${result.stdout}`
      .split("\n")
      .find((line) => /^Error|P\d{4}|error/i.test(line.trim()))
      ?.trim();
    // Named after the variable: what the operator has to check or change.
    throw new Error(
      `database migration failed for DATABASE_URL (${provider}): ${reason?.replace(/^Error:\s*/, "") ?? "see prisma migrate deploy output"}`,
    );
  }
  if (!options.quiet) {
    const summary = result.stdout.split("\n").find((l) => /migrations? (have been|are) |No pending migrations/.test(l));
    console.log(`[migrate] ${provider}: ${summary?.trim() ?? "done"}`);
  }
  if (provider === "sqlite") {
    const sqlite = new Database(sqliteFilePath(databaseUrl));
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
}
