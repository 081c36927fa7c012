import "server-only";
// Turns a processed K-LINK event into notifications for the users who follow what it is about:
// a ticket's followers for its updates; a contact's followers for its updates, its new tickets
// and its inbound messages; and, since K-LINK's message events name only the contact, the
// followers of that contact's tickets for its inbound messages. The user whose own console write
// K-LINK is echoing is not told about it. One notification per user and delivery, so a replayed
// delivery adds none. Each user told gets a live event (ids only) that refreshes their bell.
import type { Prisma } from "../db/generated/sqlite/client";
import { recentConsoleAuthors } from "../collisions/recent-authors";
import { db } from "../db/client";
import type { LiveEvent } from "../events/live-event";
import { NOTIFYING_EVENTS, notificationTitle } from "./notification-text";

export const NOTIFICATION_EVENT = "notification.created";

type Followed = { userId: string; resourceType: string; resourceId: string; label: string };

export async function notifyFollowers(event: LiveEvent, publish: (event: LiveEvent) => Promise<void>): Promise<number> {
  if (!NOTIFYING_EVENTS.has(event.type) || !event.deliveryId) return 0;
  const resource = event.type.split(".")[0];
  const or: Prisma.FollowWhereInput[] = [];
  if (resource === "ticket" && event.id) or.push({ resourceType: "ticket", resourceId: event.id });
  if (resource === "ticket" && event.type === "ticket.created" && event.contactId)
    or.push({ resourceType: "contact", resourceId: event.contactId });
  if (resource === "contact" && event.id) or.push({ resourceType: "contact", resourceId: event.id });
  if (resource === "message" && event.contactId)
    or.push(
      { resourceType: "contact", resourceId: event.contactId },
      { resourceType: "ticket", contactId: event.contactId },
    );
  if (or.length === 0) return 0;

  const follows: Followed[] = await db().follow.findMany({
    where: { connectionId: event.connectionId, OR: or },
    select: { userId: true, resourceType: true, resourceId: true, label: true },
    orderBy: { createdAt: "asc" },
    take: 1_000,
  });
  const echoedAuthors =
    resource === "message"
      ? new Set<string>()
      : await recentConsoleAuthors(event.connectionId, {
          type: resource === "ticket" ? "ticket" : "contact",
          id: event.id ?? "",
        });
  // One notification per user: the most specific follow names it (a ticket over its contact).
  const perUser = new Map<string, Followed>();
  for (const follow of follows) {
    if (echoedAuthors.has(follow.userId)) continue;
    const known = perUser.get(follow.userId);
    if (!known || (known.resourceType === "contact" && follow.resourceType === "ticket"))
      perUser.set(follow.userId, follow);
  }
  let created = 0;
  for (const [userId, follow] of perUser) {
    const exists = await db().notification.findUnique({
      where: { userId_deliveryId: { userId, deliveryId: event.deliveryId } },
      select: { id: true },
    });
    if (exists) continue;
    try {
      await db().notification.create({
        data: {
          userId,
          connectionId: event.connectionId,
          resourceType: follow.resourceType,
          resourceId: follow.resourceId,
          eventType: event.type,
          title: notificationTitle(follow.label, event.type),
          deliveryId: event.deliveryId,
        },
      });
    } catch (error) {
      // Another instance processing the same delivery at the same moment made it first.
      if ((error as { code?: string }).code === "P2002") continue;
      throw error;
    }
    created++;
    await publish({
      type: NOTIFICATION_EVENT,
      connectionId: event.connectionId,
      id: userId,
      at: new Date().toISOString(),
    });
  }
  return created;
}
