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
type FollowRow = Followed & { connectionId: string; contactId: string | null };
/** A follow the event concerns: of this record, or (resourceId absent) of any ticket of this contact. */
type FollowCondition = { resourceType: "ticket" | "contact"; resourceId?: string; contactId?: string };

const MAX_FOLLOWS_PER_EVENT = 1_000;
const FOLLOW_SELECT = {
  userId: true,
  resourceType: true,
  resourceId: true,
  label: true,
  connectionId: true,
  contactId: true,
} as const;

/** Which follows an event concerns; none when it notifies no one. */
function followConditions(event: LiveEvent): FollowCondition[] {
  if (!NOTIFYING_EVENTS.has(event.type) || !event.deliveryId) return [];
  const resource = event.type.split(".")[0];
  const conditions: FollowCondition[] = [];
  if (resource === "ticket" && event.id) conditions.push({ resourceType: "ticket", resourceId: event.id });
  if (resource === "ticket" && event.type === "ticket.created" && event.contactId)
    conditions.push({ resourceType: "contact", resourceId: event.contactId });
  if (resource === "contact" && event.id) conditions.push({ resourceType: "contact", resourceId: event.id });
  if (resource === "message" && event.contactId)
    conditions.push(
      { resourceType: "contact", resourceId: event.contactId },
      { resourceType: "ticket", contactId: event.contactId },
    );
  return conditions;
}

const matches = (follow: FollowRow, event: LiveEvent, condition: FollowCondition) =>
  follow.connectionId === event.connectionId &&
  follow.resourceType === condition.resourceType &&
  (condition.resourceId === undefined || follow.resourceId === condition.resourceId) &&
  (condition.contactId === undefined || follow.contactId === condition.contactId);

/**
 * Notifies the followers of a batch of processed events: the follows of all of them are read in one
 * query (most events concern records nobody follows, and a query per event cost more than
 * acknowledging the deliveries did), then each event with followers is handled on its own.
 */
export async function notifyFollowersOfEvents(
  events: LiveEvent[],
  publish: (event: LiveEvent) => Promise<void>,
): Promise<number> {
  const concerned = events
    .map((event) => ({ event, conditions: followConditions(event) }))
    .filter((e) => e.conditions.length > 0);
  if (concerned.length === 0) return 0;
  // One query of the same shape whatever the batch holds (Prisma compiles each new shape, and an
  // OR of one branch per event would be a new one per batch size): a superset by connection and
  // record or contact ids, narrowed to each event's own follows below.
  const connectionIds = new Set<string>();
  const resourceIds = new Set<string>();
  const contactIds = new Set<string>();
  for (const { event, conditions } of concerned) {
    connectionIds.add(event.connectionId);
    for (const c of conditions) {
      if (c.resourceId !== undefined) resourceIds.add(c.resourceId);
      if (c.contactId !== undefined) contactIds.add(c.contactId);
    }
  }
  const where: Prisma.FollowWhereInput = {
    connectionId: { in: [...connectionIds] },
    OR: [{ resourceId: { in: [...resourceIds] } }, { contactId: { in: [...contactIds] } }],
  };
  const follows: FollowRow[] = await db().follow.findMany({
    where,
    select: FOLLOW_SELECT,
    orderBy: { createdAt: "asc" },
    take: MAX_FOLLOWS_PER_EVENT * concerned.length,
  });
  let created = 0;
  for (const { event, conditions } of concerned) {
    const its = follows.filter((f) => conditions.some((c) => matches(f, event, c))).slice(0, MAX_FOLLOWS_PER_EVENT);
    if (its.length) created += await notifyOf(event, its, publish);
  }
  return created;
}

/** Notifies the users of `follows` (the event's, oldest first) about the event. */
async function notifyOf(
  event: LiveEvent,
  follows: Followed[],
  publish: (event: LiveEvent) => Promise<void>,
): Promise<number> {
  if (!event.deliveryId) return 0;
  const resource = event.type.split(".")[0];
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
