"use client";
// Client-side context of every signed-in page: SWR with the console's fetcher, and the live event
// stream revalidating whatever data an event affects (lib/events/use-live-events.ts).
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { useLiveRevalidation } from "@/lib/events/use-live-events";
import { swrFetcher } from "@/lib/console/klink-fetch";

function LiveRevalidation() {
  useLiveRevalidation();
  return null;
}

export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <SWRConfig value={{ fetcher: swrFetcher, keepPreviousData: true, revalidateOnFocus: true, dedupingInterval: 1_000 }}>
      <LiveRevalidation />
      {children}
    </SWRConfig>
  );
}
