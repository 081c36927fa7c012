"use client";
// Open console pages listen to GET /api/events: one EventSource per tab, shared by every
// component that listens; the browser reconnects by itself after a drop or the stream's end, and
// the stream replays what it missed meanwhile (Last-Event-ID). The first stream asks for the
// events since the page was rendered on the server, which it cannot show yet.
import { useEffect, useLayoutEffect } from "react";
import { useSWRConfig } from "swr";
import { isAffectedBy } from "./affected-keys";
import type { LiveEvent } from "./live-event";
import { uriComponent } from "../http/uri-component";

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
/** Server time (epoch ms) the page this tab loaded was rendered at; set by useLiveRevalidation. */
let renderedAt: number | null = null;
/** The id (event time) of the last event this tab received, for a stream opened again later. */
let lastEventId: string | null = null;

function rememberRenderedAt(ms: number): void {
  // Only the first page load counts: later navigations reuse the open stream.
  renderedAt ??= ms;
}

function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    const since = lastEventId ?? (renderedAt === null ? null : String(renderedAt));
    source = new EventSource(since === null ? "/api/events" : `/api/events?since=${uriComponent(since)}`);
    source.onmessage = (message) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
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
 * reload. Mount once in the signed-in layout, with the server time the layout was rendered at.
 */
export function useLiveRevalidation(pageRenderedAt: number): void {
  // A layout effect runs before every component's (passive) effect that could open the stream.
  useLayoutEffect(() => rememberRenderedAt(pageRenderedAt), [pageRenderedAt]);
  const { mutate } = useSWRConfig();
  useEffect(() => listen((event) => void mutate((key) => isAffectedBy(event, key))), [mutate]);
}
