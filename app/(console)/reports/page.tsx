import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { daysInRange } from "@/lib/console/cx-log-range";
import type { SearchParams } from "@/lib/console/search-params";
import { reportLimit } from "@/lib/reports/compute-days";
import { daysOf, REPORT_PRESETS, reportQuery } from "@/lib/reports/report-range";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ProgressiveReport } from "@/components/reports/progressive-report";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportTimeZone } from "@/components/reports/report-time-zone";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { PageSkeleton } from "@/components/ui/skeleton";
import { recomputeAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

const zoneNames =
  (Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] }).supportedValuesOf?.("timeZone") ?? [];

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await consolePage();
  const now = new Date();
  const query = reportQuery(await searchParams, now);
  const invalid = Object.keys(query.problems).length > 0;
  const ready = query.timeZone && !invalid;
  const days = daysInRange(query.from, query.to);
  const title = query.preset === "custom" ? `${query.from} to ${query.to}` : REPORT_PRESETS[query.preset];

  return (
    <>
      <PageHeader
        title="Reports"
        description={
          ready
            ? `${title}: ${query.from === query.to ? query.from : `${query.from} to ${query.to}, ${days} days`}, in ${query.timeZone}, compared with the ${days === 1 ? "day" : `${days} days`} before.`
            : "How the support team is doing over time, from K-LINK's CX logs."
        }
        actions={
          ready && page.can.admin ? (
            <ConfirmAction
              action={recomputeAction}
              fields={{ from: query.from, to: query.to, tz: query.timeZone! }}
              trigger="Recompute"
              title="Recompute this range?"
              confirmLabel="Recompute"
            >
              <p>The stored numbers of these days are dropped and read from K-LINK again on the next view.</p>
            </ConfirmAction>
          ) : null
        }
      />
      <ReportFilters query={query} zones={zoneNames} />
      <ReportTimeZone query={query} />
      {!query.timeZone && !query.problems.tz ? (
        <>
          <PageSkeleton rows={6} label="Finding your browser's time zone" />
          <noscript>
            <Notice tone="info">
              Enter a time zone above (for example Asia/Bangkok) and choose Show custom range.
            </Notice>
          </noscript>
        </>
      ) : invalid ? (
        <Notice tone="warn" title="Choose a valid range">
          Correct the fields marked above to see the report.
        </Notice>
      ) : (
        <ProgressiveReport
          key={`${query.from}|${query.to}|${query.timeZone}`}
          context={page}
          range={{ from: query.from, to: query.to, timeZone: query.timeZone! }}
          days={daysOf(query.from, query.to)}
          now={now}
          limit={reportLimit()}
        />
      )}
    </>
  );
}
