// npm run db:migrate — applies pending migrations to DATABASE_URL (SQLite or PostgreSQL).
import "./load-env-files";
import { parseEnv } from "../lib/env";
import { migrateDatabase } from "./run-prisma-migrate";
import { exitWithReason } from "./exit-with-reason";

try {
  const env = parseEnv(process.env);
  migrateDatabase(env.DATABASE_URL);
} catch (error) {
  exitWithReason(error);
}
