import "server-only";
// What the admin page "K-LINK drift" lists: every recorded path, most recently seen first,
// optionally for one connection. The table is bounded per connection, so this is too.
import { z } from "zod";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { db } from "../db/client";
import type { DriftKind } from "../klink/find-drift";

export type DriftRow = {
  id: string;
  connectionId: string;
  endpoint: string;
  path: string;
  kind: DriftKind;
  expected: string;
  received: string;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastRequestId: string | null;
};

/** The page's filter, from its URL: one connection, or all. */
export const driftQuerySchema = z.object({
  connection: z
    .string()
    .trim()
    .max(128)
    .optional()
    .transform((v) => v || undefined),
});

/** Enough for a handful of connections at their bound (drift-store.ts). */
const MAX_ROWS = 2000;

export async function listDrift(actor: Actor, filter: { connectionId?: string } = {}): Promise<DriftRow[]> {
  assertRole(actor, "admin");
  const rows = await db().klinkDrift.findMany({
    where: filter.connectionId ? { connectionId: filter.connectionId } : {},
    orderBy: [{ lastSeenAt: "desc" }, { endpoint: "asc" }, { path: "asc" }],
    take: MAX_ROWS,
  });
  return rows.map((row) => ({ ...row, kind: row.kind as DriftKind, count: Number(row.count) }));
}
