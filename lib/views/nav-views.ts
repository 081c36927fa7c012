import "server-only";
// The saved views the signed-in layout lists (navigation, command palette), and where each list's
// navigation link goes: the user's default view of it, or the plain list.
import type { Actor } from "../identity/actor";
import { logger } from "../log/logger";
import { listViews } from "./saved-views";
import type { ViewList } from "./view-query";

export type NavViews = {
  views: { id: string; list: ViewList; name: string; query: string; href: string; shared: boolean }[];
  listHref: Record<ViewList, string>;
};

export async function navViews(actor: Actor, connectionId: string | undefined): Promise<NavViews> {
  const listHref: Record<ViewList, string> = { tickets: "/tickets", contacts: "/contacts" };
  if (!connectionId) return { views: [], listHref };
  try {
    const all = await listViews(actor, connectionId);
    for (const view of all) if (view.isDefault) listHref[view.list] = view.href;
    return {
      views: all.map(({ id, list, name, query, href, shared }) => ({ id, list, name, query, href, shared })),
      listHref,
    };
  } catch (error) {
    // The navigation still renders without the views.
    logger.error({ err: error }, "the saved views could not be read for the navigation");
    return { views: [], listHref };
  }
}
