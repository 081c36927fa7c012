import type { DatabaseProvider } from "./provider";

/** A DateTime parameter of raw SQL. SQLite: the text Prisma itself writes
 * ("2026-11-25T05:14:16.501+00:00"), so Prisma's own comparisons on the column keep working;
 * PostgreSQL: the Date. */
export function sqlTime(provider: DatabaseProvider, date: Date): Date | string {
  return provider === "postgresql" ? date : date.toISOString().replace("Z", "+00:00");
}
