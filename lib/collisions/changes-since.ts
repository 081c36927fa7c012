import "server-only";
// What someone else changed on a set of records since a moment (when a page loaded, or when its
// user last confirmed): the console's writes by other users, and K-LINK's webhooks. K-LINK also
// sends a webhook for each change the console made through its API; such an echo (a K-LINK
// change of the same record within ECHO_WINDOW_MS after a console write) is not news, so it is
// left out — and so is its author's own change.
import { db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { RecordRef } from "./record-ref";

export const ECHO_WINDOW_MS = 15_000;
/** The console writes a K-LINK change of each kind can be the echo of. */
const ECHO_OF: Record<string, string[]> = {
  create: ["create"],
  update: ["update", "status"],
  message: ["message"],
  delete: ["delete"],
};
const MAX_CHANGES = 50;

export type SeenChange = {
  id: string;
  type: string;
  recordId: string;
  source: "console" | "klink";
  by: string;
  kind: string;
  summary: string;
  at: string;
};

export async function changesSince(
  actor: Actor,
  options: { connectionId: string; records: RecordRef[]; since: Date },
): Promise<SeenChange[]> {
  assertRole(actor, "viewer");
  if (options.records.length === 0) return [];
  const rows = await db().recordChange.findMany({
    where: {
      connectionId: options.connectionId,
      // Console writes just before `since` are read too, to recognise the echoes that follow them.
      createdAt: { gt: new Date(options.since.getTime() - ECHO_WINDOW_MS) },
      OR: options.records.map((ref) => ({ resourceType: ref.type, resourceId: ref.id })),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const consoleWrites = rows.filter((row) => row.source === "console");
  const isEcho = (row: (typeof rows)[number]) =>
    row.source === "klink" &&
    consoleWrites.some(
      (write) =>
        write.resourceType === row.resourceType &&
        write.resourceId === row.resourceId &&
        (ECHO_OF[row.kind] ?? []).includes(write.kind) &&
        write.createdAt <= row.createdAt &&
        row.createdAt.getTime() - write.createdAt.getTime() <= ECHO_WINDOW_MS,
    );
  return rows
    .filter((row) => row.createdAt > options.since && row.actorUserId !== actor.userId && !isEcho(row))
    .slice(-MAX_CHANGES)
    .map((row) => ({
      id: row.id,
      type: row.resourceType,
      recordId: row.resourceId,
      source: row.source === "console" ? "console" : "klink",
      by: row.source === "console" ? (row.actorName ?? "Someone") : "K-LINK",
      kind: row.kind,
      summary: row.summary,
      at: row.createdAt.toISOString(),
    }));
}
