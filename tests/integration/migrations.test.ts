import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { testDb } from "../helpers/db";
import { renderPostgresSchema } from "../../lib/db/render-postgres-schema";
import { databaseProvider } from "../../lib/db/provider";

describe("database migrations", () => {
  it("applied every committed migration of this provider to the test database", async () => {
    const provider = databaseProvider(process.env.DATABASE_URL!);
    const committed = readdirSync(`prisma/${provider}/migrations`).filter((d) => /^\d{14}_/.test(d)).sort();
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
    const names = (p: string) => readdirSync(`prisma/${p}/migrations`).filter((d) => /^\d{14}_/.test(d)).sort();
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
