// Which client-side data (SWR keys: console API URLs) a live event makes stale, derived from the
// same table as the server's cache tags (lib/klink/cache-tags.ts: what a change affects). A key is
// a proxy URL (/api/klink/v1/... mirroring K-LINK's path); the registry says which data it shows.
// The admin webhook history changes with every event. Safe to import in client components.
import { affectedData, isChangedResource, isPerId, type DataKind } from "../klink/cache-tags";
import { compileTemplates, matchSegments, pathSegments } from "../klink/match-endpoint";
import { endpoints, type EndpointName } from "../klink/registry";
import type { LiveEvent } from "./live-event";

const PROXY = "/api/klink/";
const WEBHOOK_HISTORY = "/api/admin/webhooks/";

/**
 * Where the browser reads each kind of data: the registry endpoint whose path shows it. A ticket
 * has no read of its own in K-LINK; its path is the one its writes use. A contact's CX view is
 * part of the contact's page.
 */
const SHOWN_AT = {
  contactsList: "contacts.list",
  contact: "contacts.get",
  contactFields: "contacts.fields",
  contactGroups: "contacts.groups",
  contactSocialLookups: "contacts.bySocialId",
  ticketsList: "tickets.list",
  ticket: "tickets.update",
  contactTickets: "tickets.byContact",
  ticketFields: "tickets.fields",
  tags: "tags.list",
  channels: "channels.list",
  categories: "categories.list",
  cxLogs: "cxLogs.list",
  contactCx: "contacts.get",
} satisfies Record<DataKind, EndpointName>;

const templates = compileTemplates(
  (Object.entries(SHOWN_AT) as [DataKind, EndpointName][]).map(([kind, name]) => ({
    value: kind,
    path: endpoints[name].path,
  })),
);

/** The data a proxy path shows: the kinds at the best-matching template, with the id it names. */
function dataAt(klinkPath: string): { kind: DataKind; id?: string }[] {
  const actual = pathSegments(klinkPath);
  let best: string[] | undefined;
  const shown: { kind: DataKind; id?: string }[] = [];
  for (const template of templates) {
    if (best && template.segments.join("/") !== best.join("/")) continue;
    const params = matchSegments(template.segments, actual);
    if (!params) continue;
    best = template.segments;
    shown.push({ kind: template.value, id: Object.values(params)[0] });
  }
  return shown;
}

/** The URL path of an SWR key (a URL string, or an array whose first item is one). */
function pathOf(key: unknown): string | null {
  const url = Array.isArray(key) ? key[0] : key;
  if (typeof url !== "string") return null;
  return url.split(/[?#]/)[0].replace(/\/+$/, "");
}

export function isAffectedBy(event: Pick<LiveEvent, "type" | "id" | "contactId">, key: unknown): boolean {
  const path = pathOf(key);
  if (!path) return false;
  if (path.startsWith(WEBHOOK_HISTORY)) return true;
  const resource = event.type.split(".")[0];
  if (!path.startsWith(PROXY) || !isChangedResource(resource)) return false;
  const shown = dataAt(`/api/${path.slice(PROXY.length)}`);
  return affectedData({ resource, id: event.id, contactId: event.contactId }).some((stale) =>
    shown.some(
      (data) => data.kind === stale.kind && (!isPerId(stale.kind) || stale.id === undefined || data.id === stale.id),
    ),
  );
}
