"use client";
// Re-renders a server-rendered page when a live event about what it shows arrives (at most once
// a second). Without a filter, any event does. The webhook's processing has already dropped the
// cache entries the event affects, so the re-render reads fresh data.
import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import { useLiveEvents } from "@/lib/events/use-live-events";
import type { LiveEvent } from "@/lib/events/live-event";
import { isChangedResource } from "@/lib/klink/cache-tags";

export type LiveFilter = {
  /** Event resources that matter, e.g. ["ticket"] or ["contact", "message"]. */
  resources?: string[];
  /** Only events about this id (a ticket or contact id)... */
  id?: string;
  /** ...or about this contact. */
  contactId?: string;
};

export function matchesLiveFilter(event: LiveEvent, filter: LiveFilter): boolean {
  const resource = event.type.split(".")[0];
  // Presence and notification events change nothing a page shows from K-LINK.
  if (!isChangedResource(resource)) return false;
  if (filter.resources && !filter.resources.includes(resource)) return false;
  if (!filter.id && !filter.contactId) return true;
  return (
    (filter.id !== undefined && event.id === filter.id) ||
    (filter.contactId !== undefined && (event.contactId === filter.contactId || event.id === filter.contactId))
  );
}

export function LiveRefresh({ filter = {} }: { filter?: LiveFilter }) {
  const router = useRouter();
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { id, contactId } = filter;
  const resourceList = filter.resources?.join(",");
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (!matchesLiveFilter(event, { resources: resourceList?.split(","), id, contactId })) return;
      if (pending.current) return;
      const wait = Math.max(0, last.current + 1000 - Date.now());
      pending.current = setTimeout(() => {
        pending.current = null;
        last.current = Date.now();
        router.refresh();
      }, wait);
    },
    [router, resourceList, id, contactId],
  );
  useLiveEvents(onEvent);
  return null;
}
