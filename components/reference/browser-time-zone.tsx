"use client";
// The server cannot know the browser's time zone, and K-LINK reads CX log dates in the zone the
// caller names (x-client-timezone). So the zone lives in the page's URL (?tz=): on a first visit
// without one, this adds the browser's own (Intl.DateTimeFormat().resolvedOptions().timeZone) with
// a soft replace; a shared link keeps the sender's zone, and offers the reader's own instead.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { cxLogsHref, type CxLogQuery } from "@/lib/console/cx-log-range";
import ui from "@/components/ui/ui.module.css";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}

export function BrowserTimeZone({ query }: { query: CxLogQuery }) {
  const router = useRouter();
  const zone = useBrowserTimeZone();
  const missing = !query.timeZone;
  useEffect(() => {
    if (!missing || !zone) return;
    const params = new URLSearchParams(window.location.search);
    params.set("tz", zone);
    router.replace(`/cx-logs?${params}`);
  }, [missing, zone, router]);

  if (!query.timeZone || !zone || zone === query.timeZone) return null;
  return (
    <p className={ui.muted} style={{ margin: "0 0 0.8rem" }}>
      Days and times are read in {query.timeZone}; your browser is in {zone}.{" "}
      <Link href={cxLogsHref({ ...query, timeZone: zone, page: 1 })}>Use {zone}</Link>
    </p>
  );
}
