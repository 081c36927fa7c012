// Which client-side data (SWR keys: console API URLs) a live event makes stale. Safe to import
// in client components. Keys are the proxy's URLs (/api/klink/v1/... mirroring K-LINK paths)
// and the admin webhook history; anything unrelated is left alone.
import type { LiveEvent } from "./live-event";

const PROXY = "/api/klink/v1/";

/** The URL path of an SWR key (a URL string, or an array whose first item is one). */
function pathOf(key: unknown): string | null {
  const url = Array.isArray(key) ? key[0] : key;
  if (typeof url !== "string") return null;
  return url.split(/[?#]/)[0].replace(/\/+$/, "");
}

export function isAffectedBy(event: Pick<LiveEvent, "type" | "id" | "contactId">, key: unknown): boolean {
  const path = pathOf(key);
  if (!path) return false;
  if (path.startsWith("/api/admin/webhooks/")) return true;
  if (!path.startsWith(PROXY)) return false;
  const [resource, ...rest] = path.slice(PROXY.length).split("/").map(decodeURIComponent);
  const kind = event.type.split(".")[0];

  if (kind === "ticket" && resource === "tickets") {
    if (rest.length === 0) return true;
    if (rest[0] === "contact") return !event.contactId || rest[1] === event.contactId;
    if (rest[0] === "fields") return false;
    return !event.id || rest[0] === event.id;
  }
  if (kind === "contact" && resource === "contacts") {
    if (rest.length === 0) return true;
    if (rest[0] === "fields" || rest[0] === "groups") return false;
    return !event.id || rest[0] === event.id;
  }
  if (kind === "message") {
    if (resource === "cx-logs") return true;
    return resource === "contacts" && rest.length > 0 && (!event.contactId || rest[0] === event.contactId);
  }
  return false;
}
