"use client";
// The Reports page reads days in the browser's zone: on a first visit without ?tz= this adds the
// browser's own with a soft replace (as the CX logs page does); a shared link keeps the sender's
// zone and offers the reader's own.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { reportHref, type ReportQuery } from "@/lib/reports/report-range";
import { useBrowserTimeZone } from "@/components/reference/browser-time-zone";
import ui from "@/components/ui/ui.module.css";

export function ReportTimeZone({ query }: { query: ReportQuery }) {
  const router = useRouter();
  const zone = useBrowserTimeZone();
  const missing = !query.timeZone && !query.problems.tz;
  useEffect(() => {
    if (!missing || !zone) return;
    const params = new URLSearchParams(window.location.search);
    params.set("tz", zone);
    router.replace(`/reports?${params}`);
  }, [missing, zone, router]);

  if (!query.timeZone || !zone || zone === query.timeZone) return null;
  return (
    <p className={ui.muted} style={{ margin: "0 0 0.8rem" }}>
      Days are cut in {query.timeZone}; your browser is in {zone}.{" "}
      <Link href={reportHref({ ...query, timeZone: zone })}>Use {zone}</Link>
    </p>
  );
}
