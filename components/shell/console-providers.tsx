"use client";
// Client-side context of every signed-in page: SWR with the console's fetcher, and the live event
// stream revalidating whatever data an event affects (lib/events/use-live-events.ts).
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { useLiveRevalidation } from "@/lib/events/use-live-events";
import { swrFetcher } from "@/lib/console/console-api";

function LiveRevalidation({ renderedAt }: { renderedAt: number }) {
  useLiveRevalidation(renderedAt);
  return null;
}

/** `renderedAt`: the server's time (epoch ms) when the signed-in layout was rendered. */
export function ConsoleProviders({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  return (
    <SWRConfig
      value={{ fetcher: swrFetcher, keepPreviousData: true, revalidateOnFocus: true, dedupingInterval: 1_000 }}
    >
      <LiveRevalidation renderedAt={renderedAt} />
      {children}
    </SWRConfig>
  );
}
