import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { cxLogQuery, daysInRange, selectedDateOf } from "@/lib/console/cx-log-range";
import { degradedFreshness } from "@/lib/console/degraded";
import { readKlink } from "@/lib/console/read-klink";
import type { SearchParams } from "@/lib/console/search-params";
import { dateIn } from "@/lib/console/zoned-time";
import { BrowserTimeZone } from "@/components/reference/browser-time-zone";
import { CxLogFilters } from "@/components/reference/cx-log-filters";
import { CxLogResults } from "@/components/reference/cx-log-results";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { Notice } from "@/components/ui/notice";
import { drillDownOf } from "@/lib/reports/drill-down";
import { DrillDownPage } from "@/components/reports/drill-down-page";
import { PageHeader } from "@/components/ui/page-header";
import { PageSkeleton } from "@/components/ui/skeleton";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "CX logs" };

const zoneNames =
  (Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] }).supportedValuesOf?.("timeZone") ?? [];

export default async function CxLogsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await consolePage();
  const params = await searchParams;
  const query = cxLogQuery(params, new Date());
  const invalid = Object.keys(query.problems).length > 0;
  const drill = drillDownOf(params);
  if (drill && query.timeZone && !invalid) return <DrillDownPage page={page} query={query} drill={drill} />;
  const read =
    query.timeZone && !invalid
      ? await readKlink(page, "cxLogs.list", {
          query: { selectedDate: selectedDateOf(query.from, query.to), page: query.page, pageSize: query.pageSize },
          headers: { "x-client-timezone": query.timeZone },
        })
      : null;
  const days = daysInRange(query.from, query.to);

  return (
    <>
      <StaleBanner degraded={degradedFreshness(read ? [read] : [])} />
      <PageHeader
        title="CX logs"
        description={
          query.timeZone && !invalid
            ? `Interactions started ${query.from === query.to ? `on ${query.from}` : `from ${query.from} to ${query.to} (${days} days)`}, in ${query.timeZone}.`
            : "Interactions — chats, calls and mails — started within a range of days."
        }
      />
      <CxLogFilters
        key={`${query.from}|${query.to}|${query.timeZone ?? ""}`}
        query={query}
        today={query.timeZone ? dateIn(query.timeZone, new Date()) : null}
        zones={zoneNames}
      />
      <BrowserTimeZone query={query} />
      {!query.timeZone && !query.problems.tz ? (
        <>
          <PageSkeleton rows={6} label="Finding your browser's time zone" />
          <noscript>
            <Notice tone="info">Enter a time zone above (for example Asia/Bangkok) and choose Show.</Notice>
          </noscript>
        </>
      ) : invalid ? (
        <Notice tone="warn" title="Choose a valid range">
          Correct the fields marked above to see CX logs.
        </Notice>
      ) : read && !read.ok ? (
        <KlinkFailure failure={read.failure} what="CX logs" />
      ) : read && read.ok ? (
        <CxLogResults query={query} timeZone={query.timeZone!} fallbackData={read.data} />
      ) : null}
    </>
  );
}
