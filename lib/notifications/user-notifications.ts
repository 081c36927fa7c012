import "server-only";
// A user's own notifications: the newest first with the unread count, marked read one by one
// (when opened), per record (when its page is opened) or all at once. Nobody reads another's.
import { db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { RecordRef } from "../collisions/record-ref";

export type PublicNotification = {
  id: string;
  connectionId: string;
  type: string;
  recordId: string;
  eventType: string;
  title: string;
  href: string;
  createdAt: string;
  read: boolean;
};

const MAX_LISTED = 50;

export async function listNotifications(actor: Actor): Promise<{ data: PublicNotification[]; unread: number }> {
  assertRole(actor, "viewer");
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_LISTED,
    }),
    db().notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  return {
    unread,
    data: rows.map((row) => ({
      id: row.id,
      connectionId: row.connectionId,
      type: row.resourceType,
      recordId: row.resourceId,
      eventType: row.eventType,
      title: row.title,
      href: `/${row.resourceType === "ticket" ? "tickets" : "contacts"}/${encodeURIComponent(row.resourceId)}`,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}

export type MarkRead = { ids: string[] } | { all: true } | { connectionId: string; record: RecordRef };

/** Marks the user's notifications read; answers how many changed. */
export async function markNotificationsRead(actor: Actor, what: MarkRead): Promise<number> {
  assertRole(actor, "viewer");
  const scope =
    "ids" in what
      ? { id: { in: what.ids } }
      : "all" in what
        ? {}
        : { connectionId: what.connectionId, resourceType: what.record.type, resourceId: what.record.id };
  const { count } = await db().notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...scope },
    data: { readAt: new Date() },
  });
  return count;
}

/** Deletes notifications older than the retention; answers how many. */
export async function purgeNotifications(retentionDays: number, now = new Date()): Promise<number> {
  const { count } = await db().notification.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000) } },
  });
  return count;
}
