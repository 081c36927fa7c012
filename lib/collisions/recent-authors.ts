import "server-only";
// The users whose console write of a record K-LINK may be echoing right now (see changes-since.ts).
import { db } from "../db/client";
import { ECHO_WINDOW_MS } from "./changes-since";
import type { RecordRef } from "./record-ref";

export async function recentConsoleAuthors(
  connectionId: string,
  ref: RecordRef,
  now = new Date(),
): Promise<Set<string>> {
  if (!ref.id) return new Set();
  const rows = await db().recordChange.findMany({
    where: {
      connectionId,
      resourceType: ref.type,
      resourceId: ref.id,
      source: "console",
      createdAt: { gte: new Date(now.getTime() - ECHO_WINDOW_MS) },
    },
    select: { actorUserId: true },
    take: 100,
  });
  return new Set(rows.map((row) => row.actorUserId).filter((id): id is string => id !== null));
}
