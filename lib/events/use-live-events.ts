"use client";
// Open console pages listen to GET /api/events: one EventSource per tab, shared by every
// component that listens; the browser reconnects by itself after a drop or the stream's end.
import { useEffect } from "react";
import { useSWRConfig } from "swr";
import { isAffectedBy } from "./affected-keys";
import type { LiveEvent } from "./live-event";

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource("/api/events");
    source.onmessage = (message) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(event);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}

/** Calls `onEvent` (keep it stable, e.g. with useCallback) for every live event while mounted. */
export function useLiveEvents(onEvent: Listener): void {
  useEffect(() => listen(onEvent), [onEvent]);
}

/**
 * Revalidates every SWR key a live event affects, so a change made in K-LINK shows up without a
 * reload. Mount once in the signed-in layout.
 */
export function useLiveRevalidation(): void {
  const { mutate } = useSWRConfig();
  useEffect(() => listen((event) => void mutate((key) => isAffectedBy(event, key))), [mutate]);
}
