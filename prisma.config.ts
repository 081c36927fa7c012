// What the Prisma CLI (migrate, generate) uses. The provider follows the scheme of DATABASE_URL:
// file: → SQLite (prisma/sqlite), postgres(ql): → PostgreSQL (prisma/postgresql).
// The adapters carry workarounds for bugs of Prisma 6.19's WebAssembly schema engine
// (lib/db/prisma-cli-*.ts); the application's own runtime client lives in lib/db/client.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { envFileMode, loadEnvFiles } from "./lib/env-files";
import { databaseProvider } from "./lib/db/provider";
import { prismaCliPgAdapter } from "./lib/db/prisma-cli-pg";
import { prismaCliSqliteAdapter } from "./lib/db/prisma-cli-sqlite";

// Prisma reads no .env itself when a config file exists; read the files Next.js reads.
loadEnvFiles(envFileMode(process.env.NODE_ENV));

// Empty counts as unset, as in lib/env.ts.
const databaseUrl = process.env.DATABASE_URL || "file:./data/console.db";
const provider = databaseProvider(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgresql") return prismaCliPgAdapter(databaseUrl);
    return prismaCliSqliteAdapter(databaseUrl);
  },
});
