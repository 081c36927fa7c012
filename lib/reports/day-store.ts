import "server-only";
// Stored aggregates of finished days (Prisma model ReportDay), per connection, zone and day: a
// report over a quarter reads its days from here instead of K-LINK. A day is stored only once it
// is over in its zone and was read whole and fresh; it is dropped by a message webhook for that
// day (on-message-events.ts) or an admin's recompute.
import type { Prisma } from "../db/generated/sqlite/client";
import type { Db } from "../db/client";
import { storedAggregate, type DayAggregate } from "./day-aggregate";

export async function loadStoredDays(
  database: Db,
  connectionId: string,
  timeZone: string,
  days: readonly string[],
): Promise<Map<string, DayAggregate>> {
  if (days.length === 0) return new Map();
  const rows = await database.reportDay.findMany({
    where: { connectionId, timeZone, day: { in: [...days] } },
    select: { day: true, aggregate: true },
  });
  const stored = new Map<string, DayAggregate>();
  for (const row of rows) {
    const aggregate = storedAggregate(row.aggregate, row.day);
    if (aggregate) stored.set(row.day, aggregate);
  }
  return stored;
}

export async function storeDay(
  database: Db,
  connectionId: string,
  timeZone: string,
  aggregate: DayAggregate,
): Promise<void> {
  const data = {
    logCount: aggregate.count,
    aggregate: aggregate as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  await database.reportDay.upsert({
    where: { connectionId_timeZone_day: { connectionId, timeZone, day: aggregate.day } },
    create: { connectionId, timeZone, day: aggregate.day, ...data },
    update: data,
  });
}

/** Drops stored days of a connection: the given days in every zone they were stored in. */
export async function forgetDays(
  database: Db,
  connectionId: string,
  daysByZone: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const or = [...daysByZone].map(([timeZone, days]) => ({ timeZone, day: { in: [...days] } }));
  if (or.length === 0) return 0;
  const { count } = await database.reportDay.deleteMany({ where: { connectionId, OR: or } });
  return count;
}

/** The zones a connection has stored days in. */
export async function storedZones(database: Db, connectionId: string): Promise<string[]> {
  const rows = await database.reportDay.findMany({
    where: { connectionId },
    distinct: ["timeZone"],
    select: { timeZone: true },
  });
  return rows.map((r) => r.timeZone);
}
