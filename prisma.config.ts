// What the Prisma CLI (migrate, generate) uses. The provider follows the scheme of DATABASE_URL:
// file: → SQLite (prisma/sqlite), postgres(ql): → PostgreSQL (prisma/postgresql).
// The workarounds below are for bugs of Prisma 6.19's WebAssembly schema engine (see
// ../shared/STACK.md); the application's own runtime client lives in lib/db/.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "./lib/db/provider";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/console.db";
const provider = databaseProvider(databaseUrl);

// prisma/prisma#27403: the engine cannot deserialize columns of type `name` (OID 19) and
// `"char"` (OID 18) from catalog queries. Reporting them as text fixes migrate on PostgreSQL.
class CatalogTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : reportCatalogTypesAsText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") return result.then(reportCatalogTypesAsText);
    return result;
  }
}

function reportCatalogTypesAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as { fields?: { dataTypeID: number }[] })?.fields ?? []) {
      if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    }
  }
  return result;
}

// Discrete fields, not connectionString: with a connectionString the shadow database silently
// becomes the main one (P3006 ... relation already exists).
function pgPoolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    Client: CatalogTextClient as unknown as typeof pg.Client,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") return new PrismaPg(pgPoolConfig(databaseUrl));
    return new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl) });
  },
});
