"use client";
// Open console pages listen to GET /api/events and revalidate the SWR data an event affects, so
// a change made in K-LINK shows up without a reload. One EventSource per tab, shared by every
// component that listens; the browser reconnects by itself after a drop or the stream's end.
import { useEffect } from "react";
import { useSWRConfig } from "swr";
import { isAffectedBy } from "./affected-keys";
import type { LiveEvent } from "./live-event";

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

function connect(): void {
  if (source) return;
  source = new EventSource("/api/events");
  source.onmessage = (message) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(event);
  };
}

function disconnect(): void {
  source?.close();
  source = null;
}

/** Revalidates every SWR key a live event affects. Mount once in the signed-in layout. */
export function useLiveRevalidation(): void {
  const { mutate } = useSWRConfig();
  useEffect(() => {
    const onEvent: Listener = (event) => void mutate((key) => isAffectedBy(event, key));
    listeners.add(onEvent);
    connect();
    return () => {
      listeners.delete(onEvent);
      if (listeners.size === 0) disconnect();
    };
  }, [mutate]);
}
