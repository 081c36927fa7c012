// The cache tags of K-LINK data. The endpoint registry attaches them to reads and writes, the
// webhook processor invalidates them on events: one vocabulary, defined once. The cache layer
// scopes every tag to a connection, so these names carry no connection id.
export const cacheTags = {
  contactsList: () => "contacts:list",
  contact: (id: string) => `contact:${id}`,
  contactFields: () => "contacts:fields",
  contactGroups: () => "contacts:groups",
  contactBySocialId: (socialPlatformId: string) => `contact-social:${socialPlatformId}`,
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
