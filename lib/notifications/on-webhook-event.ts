import "server-only";
// What a processed K-LINK event means for collaboration, run before its live event is published
// (so a page told about the event already finds it): it is noted as a recent change of its
// ticket or contact (collision warnings) and notifies the users who follow it. A failure here
// fails the delivery's processing, which is then retried; both steps are idempotent per delivery.
import { recordChange, type ChangeKind } from "../collisions/record-change";
import type { RecordRef } from "../collisions/record-ref";
import type { LiveEvent } from "../events/live-event";
import { notifyFollowers } from "./notify-followers";

const CHANGES: Record<string, { kind: ChangeKind; summary: string; on: "id" | "contactId" }> = {
  "ticket.created": { kind: "create", summary: "The ticket was created in K-LINK.", on: "id" },
  "ticket.updated": { kind: "update", summary: "The ticket was changed in K-LINK.", on: "id" },
  "ticket.deleted": { kind: "delete", summary: "The ticket was deleted in K-LINK.", on: "id" },
  "contact.updated": { kind: "update", summary: "The contact was changed in K-LINK.", on: "id" },
  "contact.deleted": { kind: "delete", summary: "The contact was deleted in K-LINK.", on: "id" },
  "message.inbound": { kind: "inbound", summary: "The contact sent a new message.", on: "contactId" },
  "message.outbound": { kind: "message", summary: "A message was sent to the contact.", on: "contactId" },
};

export async function onWebhookEvent(event: LiveEvent, publish: (event: LiveEvent) => Promise<void>): Promise<void> {
  const change = CHANGES[event.type];
  const id = change ? event[change.on] : undefined;
  if (change && id) {
    const ref: RecordRef = { type: event.type.startsWith("ticket.") ? "ticket" : "contact", id };
    await recordChange({
      connectionId: event.connectionId,
      type: ref.type,
      id: ref.id,
      source: "klink",
      kind: change.kind,
      summary: change.summary,
    });
  }
  await notifyFollowers(event, publish);
}
