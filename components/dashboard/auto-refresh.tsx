"use client";
// Re-reads a server-rendered page after `seconds` (a soft refresh, no reload): while it shows
// cached data whose refresh is under way, so the fresh data (or, when the refresh failed, the
// stale banner) follows by itself; and while K-LINK is not answering, so the page recovers by
// itself once it is back. `renderId` changes with every render (the request id), which re-arms the timer.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ seconds, renderId }: { seconds: number | null; renderId: string }) {
  const router = useRouter();
  useEffect(() => {
    if (!seconds) return;
    const timer = setTimeout(() => router.refresh(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, renderId, router]);
  return null;
}
