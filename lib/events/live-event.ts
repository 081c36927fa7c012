// What open console pages are told when K-LINK data changed: which thing, never its content.
// Compact on purpose, and free of personal data beyond ids, because every signed-in role
// receives every event. Types only: safe to import anywhere (client components too).
export type LiveEvent = {
  /** e.g. "ticket.updated", "contact.created", "message.inbound" */
  type: string;
  connectionId: string;
  /** The id of the ticket/contact/message the event is about, when known. */
  id?: string;
  /** The contact a ticket or message belongs to, when known. */
  contactId?: string;
  /** The webhook delivery that caused the event. */
  deliveryId?: string;
  /** ISO time the console published the event. */
  at: string;
};
