// Creates the test database with the real migrations (prisma migrate deploy).
import pg from "pg";
import { migrateDatabase } from "../../scripts/run-prisma-migrate";
import { databaseProvider } from "../../lib/db/provider";

export default async function setup() {
  const url = process.env.DATABASE_URL!;
  if (databaseProvider(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  migrateDatabase(url, { quiet: true });
}
