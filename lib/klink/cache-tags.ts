// What a change to K-LINK data affects, defined once. `cacheTags` names each kind of data the
// console reads; `affectedData` is the one table of which data a change makes stale. The server
// drops cached entries by their tags (changeTags: the registry's writes and the webhook
// processor); the browser revalidates the SWR keys that show the same data
// (lib/events/affected-keys.ts). The cache layer scopes every tag to a connection, so these
// names carry no connection id.
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

export type DataKind = keyof typeof cacheTags;

/** A change K-LINK reported (a webhook event) or the console made (a write through the proxy). */
export type Change = { resource: ChangedResource; id?: string; contactId?: string };

/**
 * One kind of data a change makes stale. For kinds of one contact or ticket, `id` says which;
 * without it, every one of that kind (the browser revalidates them all; the server, which drops
 * entries by tag only, relies on the list tags the registry gives those reads).
 */
export type AffectedData = { kind: DataKind; id?: string };

const AFFECTS = {
  contact: ({ id }) => [
    { kind: "contactsList" },
    { kind: "contact", id },
    { kind: "contactTickets", id },
    { kind: "contactCx", id },
    { kind: "contactSocialLookups" },
  ],
  ticket: ({ id, contactId }) => [
    { kind: "ticketsList" },
    { kind: "ticket", id },
    { kind: "contactTickets", id: contactId },
  ],
  // CX-log reads are keyed by date range, not by contact: any message may change any of them.
  message: ({ contactId }) => [{ kind: "cxLogs" }, { kind: "contactCx", id: contactId }],
} satisfies Record<string, (change: Omit<Change, "resource">) => AffectedData[]>;

export type ChangedResource = keyof typeof AFFECTS;

export function isChangedResource(value: string): value is ChangedResource {
  return Object.hasOwn(AFFECTS, value);
}

/** Which data a change makes stale. */
export function affectedData(change: Change): AffectedData[] {
  return AFFECTS[change.resource]({ id: change.id || undefined, contactId: change.contactId || undefined });
}

/** Whether a kind is the data of one contact or ticket (its tag takes that id). */
export function isPerId(kind: DataKind): boolean {
  return cacheTags[kind].length === 1;
}

/** The cache tags the server drops for a change. */
export function changeTags(change: Change): string[] {
  return affectedData(change).flatMap(({ kind, id }) => {
    if (!isPerId(kind)) return [(cacheTags[kind] as () => string)()];
    return id ? [(cacheTags[kind] as (id: string) => string)(id)] : [];
  });
}
