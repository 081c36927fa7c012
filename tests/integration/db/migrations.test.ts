import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { testDb } from "../../helpers/db";
import { renderPostgresSchema } from "../../../lib/db/render-postgres-schema";
import { databaseProvider } from "../../../lib/db/provider";

describe("database migrations", () => {
  it("applied every committed migration of this provider to the test database", async () => {
    const provider = databaseProvider(process.env.DATABASE_URL!);
    const committed = readdirSync(`prisma/${provider}/migrations`)
      .filter((d) => /^\d{14}_/.test(d))
      .sort();
    const applied = await testDb().$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
      `SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(applied.map((m) => m.migration_name)).toEqual(committed);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
  });

  it("keeps the PostgreSQL schema generated from the SQLite schema (run npm run db:sync-schemas)", () => {
    const sqlite = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    expect(readFileSync("prisma/postgresql/schema.prisma", "utf8")).toBe(renderPostgresSchema(sqlite));
  });

  it("has the same migrations, by name, for both providers", () => {
    const names = (p: string) =>
      readdirSync(`prisma/${p}/migrations`)
        .filter((d) => /^\d{14}_/.test(d))
        .sort();
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it("creates the same tables and columns in both providers' migrations", () => {
    const columns = (p: string) => {
      const sql = readdirSync(`prisma/${p}/migrations`)
        .filter((d) => /^\d{14}_/.test(d))
        .sort()
        .map((d) => readFileSync(`prisma/${p}/migrations/${d}/migration.sql`, "utf8"))
        .join("\n");
      const tables: Record<string, string[]> = {};
      for (const m of sql.matchAll(/CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/g)) {
        tables[m[1]] = [...m[2].matchAll(/^\s+"(\w+)"/gm)].map((c) => c[1]).sort();
      }
      for (const m of sql.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/g)) (tables[m[1]] ??= []).push(m[2]);
      for (const t of Object.values(tables)) t.sort();
      return tables;
    };
    const sqlite = columns("sqlite");
    expect(Object.keys(sqlite).length).toBeGreaterThan(0);
    expect(columns("postgresql")).toEqual(sqlite);
  });
});

/**
 * `prisma migrate diff` from the provider's committed migrations (applied to a shadow database) to
 * its schema: exit 0 when they describe the same database, 2 when they differ, 1 on an error.
 */
function migrationsVersusSchema(
  provider: "sqlite" | "postgresql",
  databaseUrl: string,
  schema = `prisma/${provider}/schema.prisma`,
) {
  const result = spawnSync(
    path.resolve("node_modules/.bin/prisma"),
    [
      "migrate",
      "diff",
      "--from-migrations",
      `prisma/${provider}/migrations`,
      "--to-schema-datamodel",
      schema,
      "--exit-code",
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      timeout: 90_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const scratchSqlite = () => `file:${path.join(mkdtempSync(path.join(tmpdir(), "kc-migrate-diff-")), "scratch.db")}`;
const runOnPostgres = databaseProvider(process.env.DATABASE_URL!) === "postgresql";

describe("each schema matches its own migrations", () => {
  it("the SQLite migrations build exactly prisma/sqlite/schema.prisma", () => {
    const diff = migrationsVersusSchema("sqlite", scratchSqlite());
    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  }, 90_000);

  it("notices when they do not: an index in the schema that no migration creates", () => {
    const schema = readFileSync("prisma/sqlite/schema.prisma", "utf8").replace(
      "model AuditLog {",
      "model AuditLog {\n  @@index([userAgent])",
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "kc-drift-")), "schema.prisma");
    writeFileSync(file, schema);
    const diff = migrationsVersusSchema("sqlite", scratchSqlite(), file);
    expect(diff.output).toMatch(/Added index on columns \(userAgent\)/);
    expect(diff.status).toBe(2);
  }, 90_000);

  // Needs a PostgreSQL server whose role may create databases (the shadow): the suite's own with
  // TEST_DATABASE_URL, as CI runs it.
  it.skipIf(!runOnPostgres)(
    `the PostgreSQL migrations build exactly prisma/postgresql/schema.prisma${runOnPostgres ? "" : " (SKIPPED: runs with TEST_DATABASE_URL=postgresql://…)"}`,
    () => {
      const diff = migrationsVersusSchema("postgresql", process.env.DATABASE_URL!);
      expect(diff.output).toContain("No difference detected");
      expect(diff.status).toBe(0);
    },
    90_000,
  );
});
