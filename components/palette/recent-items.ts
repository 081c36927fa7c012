"use client";
// The tickets and contacts this browser opened last, for the command palette: kept in
// localStorage (per browser, never sent anywhere), newest first, at most MAX_RECENT.
export type RecentItem = { href: string; label: string; kind: "Ticket" | "Contact" };

const KEY = "klink-console:recent";
const MAX_RECENT = 8;

export function readRecent(): RecentItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((i): i is RecentItem => typeof i?.href === "string" && typeof i?.label === "string")
      : [];
  } catch {
    return [];
  }
}

export function rememberRecent(item: RecentItem): void {
  try {
    const rest = readRecent().filter((i) => i.href !== item.href);
    localStorage.setItem(KEY, JSON.stringify([item, ...rest].slice(0, MAX_RECENT)));
  } catch {
    // Storage full or disabled: the palette simply has no recent items.
  }
}

/** A ticket's or contact's own page (not the list, nor a form), as a recent item's kind. */
export function recentKindOf(pathname: string): RecentItem["kind"] | null {
  const match = /^\/(tickets|contacts)\/([^/]+)$/.exec(pathname);
  if (!match || match[2] === "new") return null;
  return match[1] === "tickets" ? "Ticket" : "Contact";
}
