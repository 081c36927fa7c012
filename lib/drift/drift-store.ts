import "server-only";
// The KlinkDrift table: one row per connection, endpoint and path, with first and last sighting
// and a count. Rows are upserted (the database's own INSERT … ON CONFLICT, so instances writing
// the same path at once add up instead of colliding), and each connection keeps at most
// MAX_DRIFT_PATHS_PER_CONNECTION rows: the least recently seen make room for new ones.
import { db } from "../db/client";
import type { DriftFinding } from "../klink/find-drift";

export const MAX_DRIFT_PATHS_PER_CONNECTION = 500;

export type DriftSighting = {
  connectionId: string;
  endpoint: string;
  finding: DriftFinding;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  requestId?: string;
};

export async function storeDriftSighting(sighting: DriftSighting): Promise<void> {
  const { connectionId, endpoint, finding } = sighting;
  const latest = {
    kind: finding.kind,
    expected: finding.expected,
    received: finding.received,
    lastSeenAt: sighting.lastSeenAt,
    lastRequestId: sighting.requestId ?? null,
  };
  await db().klinkDrift.upsert({
    where: { connectionId_endpoint_path: { connectionId, endpoint, path: finding.path } },
    create: {
      connectionId,
      endpoint,
      path: finding.path,
      count: BigInt(sighting.count),
      firstSeenAt: sighting.firstSeenAt,
      ...latest,
    },
    update: { count: { increment: BigInt(sighting.count) }, ...latest },
  });
}

/** Drops the least recently seen rows of a connection beyond the bound. */
export async function trimDrift(connectionId: string): Promise<void> {
  const excess = (await db().klinkDrift.count({ where: { connectionId } })) - MAX_DRIFT_PATHS_PER_CONNECTION;
  if (excess <= 0) return;
  const oldest = await db().klinkDrift.findMany({
    where: { connectionId },
    orderBy: { lastSeenAt: "asc" },
    take: excess,
    select: { id: true },
  });
  await db().klinkDrift.deleteMany({ where: { id: { in: oldest.map((row) => row.id) } } });
}
