// Which database a DATABASE_URL points at. Shared by the runtime client, the Prisma CLI config
// and the scripts, so the three can never disagree.
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:..."`,
  );
}

/** The absolute path of the SQLite file named by a `file:` URL (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const raw = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}
