// The cache tags of K-LINK data. The endpoint registry attaches them to reads and writes, the
// webhook processor invalidates them on events: one vocabulary, defined once. The cache layer
// scopes every tag to a connection, so these names carry no connection id.
export const cacheTags = {
  contactsList: () => "contacts:list",
  contact: (id: string) => `contact:${id}`,
  contactFields: () => "contacts:fields",
  contactGroups: () => "contacts:groups",
  /** Every social-id lookup: which contact owns an id is not known from the contact alone. */
  contactSocialLookups: () => "contacts:social",
  ticketsList: () => "tickets:list",
  ticket: (id: string) => `ticket:${id}`,
  contactTickets: (contactId: string) => `contact-tickets:${contactId}`,
  ticketFields: () => "tickets:fields",
  tags: () => "tags",
  channels: () => "channels",
  categories: () => "categories",
  cxLogs: () => "cx-logs",
  /** Everything shown on a contact's CX view (messages, CX logs of that contact). */
  contactCx: (contactId: string) => `contact-cx:${contactId}`,
} as const;

/** Everything a change to one contact makes stale (a proxy write or a contact.* webhook): its
 * detail, the lists, its tickets and CX view, and the social-id lookups (one may name it). */
export function contactChangeTags(contactId: string | undefined): string[] {
  const own = contactId
    ? [cacheTags.contact(contactId), cacheTags.contactTickets(contactId), cacheTags.contactCx(contactId)]
    : [];
  return [cacheTags.contactsList(), ...own, cacheTags.contactSocialLookups()];
}
