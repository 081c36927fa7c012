import "server-only";
// Destinations an admin should look at: disabled by the console (410, failing too long), failing
// now, or with messages waiting longer than a few minutes. For the dashboard card and the banner.
import { db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { pendingByDestination } from "./forwarding-metrics";

const LATE_AFTER_MS = 5 * 60_000;

export type DestinationTrouble = {
  id: string;
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  backlog: number;
  oldestPendingSeconds: number | null;
};

export async function destinationsInTrouble(actor: Actor, now = new Date()): Promise<DestinationTrouble[]> {
  assertRole(actor, "admin");
  const [destinations, pending] = await Promise.all([
    db().forwardDestination.findMany({
      select: { id: true, name: true, enabled: true, disabledReason: true, failingSince: true },
      orderBy: { name: "asc" },
    }),
    pendingByDestination(),
  ]);
  const waiting = new Map(pending.map((p) => [p.destinationId, p]));
  return destinations
    .map((d) => {
      const p = waiting.get(d.id);
      const oldest = p?.oldest ? Math.round((now.getTime() - p.oldest.getTime()) / 1000) : null;
      return {
        id: d.id,
        name: d.name,
        enabled: d.enabled,
        disabledReason: d.disabledReason,
        failingSince: d.failingSince?.toISOString() ?? null,
        backlog: p?.count ?? 0,
        oldestPendingSeconds: oldest,
      };
    })
    .filter(
      (d) =>
        d.disabledReason !== null ||
        (d.enabled && d.failingSince !== null) ||
        (d.enabled && d.oldestPendingSeconds !== null && d.oldestPendingSeconds * 1000 > LATE_AFTER_MS),
    );
}

/** Destinations the console itself disabled: the admin banner. */
export async function consoleDisabledDestinations(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertRole(actor, "admin");
  return db().forwardDestination.findMany({
    where: { enabled: false, disabledReason: { not: null } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 5,
  });
}
