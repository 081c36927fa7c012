import "server-only";
// Webhook deliveries per hour for the dashboard's chart: the last `hours` whole hours (UTC) up to
// and including the current one, counted by what became of each delivery. Counts only, no
// content: any signed-in role may see them (checked here too); the history itself is for admins.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { db as defaultDb, type Db } from "../db/client";

/** What became of a delivery, as the chart stacks it. */
export const DELIVERY_OUTCOMES = ["processed", "waiting", "failed", "duplicate", "rejected"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export type HourBucket = { hourStart: string; total: number } & Record<DeliveryOutcome, number>;

const HOUR_MS = 3_600_000;

function outcomeOf(status: string): DeliveryOutcome {
  if (status === "processed" || status === "failed" || status === "duplicate" || status === "rejected") return status;
  // pending, processing: accepted and still to be (or being) processed.
  return "waiting";
}

export async function deliveriesPerHour(
  actor: Actor,
  options: { connectionId?: string; now?: Date; hours?: number } = {},
  database: Db = defaultDb(),
): Promise<HourBucket[]> {
  assertRole(actor, "viewer");
  const hours = Math.min(Math.max(options.hours ?? 24, 1), 168);
  const currentHour = Math.floor((options.now ?? new Date()).getTime() / HOUR_MS) * HOUR_MS;
  const starts = Array.from({ length: hours }, (_, i) => currentHour - (hours - 1 - i) * HOUR_MS);
  // One grouped count per hour: portable across SQLite and PostgreSQL (no date functions in
  // SQL), and each is a range scan of the receivedAt index.
  const groups = await Promise.all(
    starts.map((start) =>
      database.webhookDelivery.groupBy({
        by: ["status"],
        where: {
          receivedAt: { gte: new Date(start), lt: new Date(start + HOUR_MS) },
          ...(options.connectionId ? { connectionId: options.connectionId } : {}),
        },
        _count: { _all: true },
      }),
    ),
  );
  return starts.map((start, i) => {
    const bucket: HourBucket = {
      hourStart: new Date(start).toISOString(),
      total: 0,
      processed: 0,
      waiting: 0,
      failed: 0,
      duplicate: 0,
      rejected: 0,
    };
    for (const group of groups[i]) {
      bucket[outcomeOf(group.status)] += group._count._all;
      bucket.total += group._count._all;
    }
    return bucket;
  });
}
