// How a notification reads: what happened to the followed record. Safe to import anywhere.
const EVENT_TEXT: Record<string, string> = {
  "ticket.created": "new ticket",
  "ticket.updated": "updated",
  "ticket.deleted": "deleted",
  "contact.updated": "updated",
  "contact.deleted": "deleted",
  "message.inbound": "new message from the contact",
};

/** The live event types that notify followers. */
export const NOTIFYING_EVENTS = new Set(Object.keys(EVENT_TEXT));

export function notificationTitle(label: string, eventType: string): string {
  return `${label}: ${EVENT_TEXT[eventType] ?? eventType}`;
}
