import "server-only";
// Sending again, by an admin: one message (now, whatever its status: the receiver deduplicates
// by its unchanged `webhook-id`), every failed message of a destination since a time (queued
// afresh, on a new schedule), or a new test event. Each is audited.
import { db } from "../db/client";
import { databaseProvider } from "../db/provider";
import { env } from "../env";
import { conflict, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { unleasedWhere } from "../db/lease-claims";
import type { Dispatcher } from "./dispatcher";
import { insertMessages, newMessageId } from "./fan-out";

export const TEST_EVENT_TYPE = "console.test";

export async function replayMessage(actor: Actor, messageId: string, dispatcher: Dispatcher, audit: Audit) {
  assertRole(actor, "admin");
  const message = await db().forwardMessage.findUnique({ where: { id: messageId }, select: { destinationId: true } });
  if (!message) throw notFound("No forwarded message has this id.");
  const { count } = await db().forwardMessage.updateMany({
    where: { id: messageId, ...unleasedWhere(new Date()) },
    data: { status: "pending", attempts: 0, nextAttemptAt: null },
  });
  const outcome = count ? await dispatcher.sendNow(messageId) : null;
  await audit({
    action: "destination.replay_message",
    outcome: outcome ? "success" : "failure",
    target: { type: "destination", id: message.destinationId },
    details: { messageId, result: outcome?.result ?? "busy", status: outcome?.status ?? null },
  });
  if (!outcome) throw conflict("This message is being sent right now; try again in a minute.");
  return outcome;
}

export async function replayFailedSince(
  actor: Actor,
  destinationId: string,
  since: Date,
  dispatcher: Dispatcher,
  audit: Audit,
) {
  assertRole(actor, "admin");
  const destination = await db().forwardDestination.findUnique({
    where: { id: destinationId },
    select: { id: true, enabled: true },
  });
  if (!destination) throw notFound("No destination has this id.");
  const { count } = await db().forwardMessage.updateMany({
    where: { destinationId, status: "failed", createdAt: { gte: since } },
    data: { status: "pending", attempts: 0, nextAttemptAt: null, lockedUntil: null },
  });
  await audit({
    action: "destination.replay_failed",
    outcome: "success",
    target: { type: "destination", id: destinationId },
    details: { since: since.toISOString(), queued: count },
  });
  if (count && destination.enabled) void dispatcher.drain();
  return { queued: count, destinationEnabled: destination.enabled };
}

export async function sendTestEvent(actor: Actor, destinationId: string, dispatcher: Dispatcher, audit: Audit) {
  assertRole(actor, "admin");
  const destination = await db().forwardDestination.findUnique({ where: { id: destinationId }, select: { id: true } });
  if (!destination) throw notFound("No destination has this id.");
  const now = new Date();
  const payload = JSON.stringify({
    type: TEST_EVENT_TYPE,
    timestamp: now.toISOString(),
    data: { message: "A test event sent from Klink Console.", sentBy: actor.email },
    connectionId: null,
  });
  const messageId = newMessageId();
  await insertMessages(db(), databaseProvider(env().DATABASE_URL), [
    {
      id: messageId,
      destinationId,
      deliveryId: null,
      connectionId: null,
      eventType: TEST_EVENT_TYPE,
      payload,
      receivedAt: now,
    },
  ]);
  const outcome = await dispatcher.sendNow(messageId);
  await audit({
    action: "destination.send_test",
    outcome: outcome?.result === "delivered" ? "success" : "failure",
    target: { type: "destination", id: destinationId },
    details: { messageId, result: outcome?.result ?? "queued", status: outcome?.status ?? null },
  });
  return {
    messageId,
    result: outcome?.result ?? ("retry" as const),
    status: outcome?.status ?? null,
    latencyMs: outcome?.latencyMs ?? null,
  };
}
