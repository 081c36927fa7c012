import "server-only";
// What a user follows: tickets and contacts of a connection. Any signed-in role may follow
// (viewers included: it changes nothing in K-LINK). Following by hand is audited; the automatic
// follow of what a user creates or messages is part of that write, which is audited already.
import type { Audit } from "../audit/request-audit";
import type { RecordRef } from "../collisions/record-ref";
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { logger } from "../log/logger";

export type FollowTarget = RecordRef & {
  connectionId: string;
  /** A ticket's contact: its messages concern the ticket's followers too. */
  contactId?: string | null;
  /** How notifications name it. */
  label: string;
};

const MAX_LABEL = 120;
const clip = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);
const unique = (userId: string, t: FollowTarget) => ({
  userId_connectionId_resourceType_resourceId: {
    userId,
    connectionId: t.connectionId,
    resourceType: t.type,
    resourceId: t.id,
  },
});

export async function isFollowing(actor: Actor, target: Omit<FollowTarget, "label">): Promise<boolean> {
  assertRole(actor, "viewer");
  const row = await db().follow.findUnique({
    where: unique(actor.userId, { ...target, label: "" }),
    select: { id: true },
  });
  return row !== null;
}

/** Sets whether the user follows the record; answers the state now. */
export async function setFollowing(actor: Actor, target: FollowTarget, following: boolean, audit: Audit) {
  assertRole(actor, "viewer");
  const where = unique(actor.userId, target);
  const connection = await db().klinkConnection.findUnique({
    where: { id: target.connectionId },
    select: { id: true },
  });
  if (!connection) throw notFound("No K-LINK connection has this id.");
  const existing = await db().follow.findUnique({ where, select: { id: true } });
  if (following && !existing) {
    await db().follow.upsert({
      where,
      create: {
        userId: actor.userId,
        connectionId: target.connectionId,
        resourceType: target.type,
        resourceId: target.id,
        contactId: target.contactId ?? null,
        label: clip(target.label),
      },
      update: {},
    });
  } else if (!following && existing) {
    await db().follow.deleteMany({ where: where.userId_connectionId_resourceType_resourceId });
  } else {
    return { following };
  }
  await audit({
    action: following ? "follow.create" : "follow.delete",
    outcome: "success",
    target: { type: target.type, id: target.id },
    connectionId: target.connectionId,
  });
  return { following };
}

/** Follows what the user just created or messaged; never throws (the write itself succeeded). */
export async function autoFollow(userId: string, target: FollowTarget): Promise<void> {
  try {
    await db().follow.upsert({
      where: unique(userId, target),
      create: {
        userId,
        connectionId: target.connectionId,
        resourceType: target.type,
        resourceId: target.id,
        contactId: target.contactId ?? null,
        label: clip(target.label),
        auto: true,
      },
      update: {},
    });
  } catch (error) {
    logger.warn({ err: error, type: target.type }, "could not follow a record automatically");
  }
}
