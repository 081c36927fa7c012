import "server-only";
// What a processed K-LINK event means for collaboration, run once its live event is published:
// it is noted as a recent change of its ticket or contact (collision warnings) and notifies the
// users who follow it. A failure here fails the delivery's processing, which is then retried; both
// steps are idempotent per delivery.
import { recordChanges, type ChangeKind, type RecordChangeInput } from "../collisions/record-change";
import type { LiveEvent } from "../events/live-event";
import { notifyFollowersOfEvents } from "./notify-followers";

const CHANGES: Record<string, { kind: ChangeKind; summary: string; on: "id" | "contactId" }> = {
  "ticket.created": { kind: "create", summary: "The ticket was created in K-LINK.", on: "id" },
  "ticket.updated": { kind: "update", summary: "The ticket was changed in K-LINK.", on: "id" },
  "ticket.deleted": { kind: "delete", summary: "The ticket was deleted in K-LINK.", on: "id" },
  "contact.updated": { kind: "update", summary: "The contact was changed in K-LINK.", on: "id" },
  "contact.deleted": { kind: "delete", summary: "The contact was deleted in K-LINK.", on: "id" },
  "message.inbound": { kind: "inbound", summary: "The contact sent a new message.", on: "contactId" },
  "message.outbound": { kind: "message", summary: "A message was sent to the contact.", on: "contactId" },
};

/**
 * Runs for each batch of processed events, as webhook processing calls it: the batch's
 * changes are written in one statement and its followers read in one query, so that collaboration
 * costs a few statements per batch rather than three per event (at hundreds of deliveries a
 * second, those had taken the CPU that acknowledging them needs).
 */
export async function onWebhookEvents(
  events: LiveEvent[],
  publish: (event: LiveEvent) => Promise<void>,
): Promise<void> {
  const changes: RecordChangeInput[] = [];
  for (const event of events) {
    const change = CHANGES[event.type];
    const id = change ? event[change.on] : undefined;
    if (!change || !id) continue;
    changes.push({
      connectionId: event.connectionId,
      type: event.type.startsWith("ticket.") ? "ticket" : "contact",
      id,
      source: "klink",
      kind: change.kind,
      summary: change.summary,
    });
  }
  await recordChanges(changes);
  await notifyFollowersOfEvents(events, publish);
}
