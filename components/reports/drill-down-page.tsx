// The CX logs page opened from a report's breakdown row: the logs that row counted (same range,
// zone and key), with a way back to the whole list and to the report.
import Link from "next/link";
import type { ConsolePage } from "@/lib/doors/console-page";
import { degradedFreshness } from "@/lib/console/degraded";
import { cxLogsHref, type CxLogQuery } from "@/lib/console/cx-log-range";
import type { DrillDown } from "@/lib/reports/drill-down";
import { drillDownLogs, MAX_DRILL_DOWN_DAYS } from "@/lib/reports/drill-down-logs";
import { DIMENSIONS } from "@/lib/reports/log-dimensions";
import { reportHref } from "@/lib/reports/report-range";
import { CxLogTable } from "@/components/reference/cx-log-table";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export async function DrillDownPage({
  page,
  query,
  drill,
}: {
  page: ConsolePage;
  query: CxLogQuery;
  drill: DrillDown;
}) {
  const range = { from: query.from, to: query.to, timeZone: query.timeZone! };
  const result = await drillDownLogs(page, range, drill);
  const what = DIMENSIONS[drill.dimension].toLowerCase();
  const shownKey = result.ok ? result.logs.map((l) => l.agent?.name).find(Boolean) : undefined;
  const name = drill.dimension === "agent" && shownKey ? `${shownKey} (${drill.key})` : drill.key;
  return (
    <>
      <StaleBanner degraded={degradedFreshness(result.reads)} />
      <PageHeader
        title={`CX logs: ${what} ${name}`}
        description={`Interactions started from ${range.from} to ${range.to} in ${range.timeZone} whose ${what} is ${name}.`}
        actions={
          <>
            <Link href={cxLogsHref({ ...query, page: 1 })}>All CX logs of this range</Link>{" "}
            <Link href={reportHref({ preset: "custom", ...range })}>Back to the report</Link>
          </>
        }
      />
      {"tooLong" in result ? (
        <Notice tone="warn" title="The range is too long to filter">
          Filtering reads every interaction of the range: choose at most {MAX_DRILL_DOWN_DAYS} days.
        </Notice>
      ) : !result.ok ? (
        <KlinkFailure failure={result.failure} what="CX logs" />
      ) : result.logs.length === 0 ? (
        <EmptyState title="No interactions">
          <p>None in this range has this {what}.</p>
        </EmptyState>
      ) : (
        <>
          <p>
            {result.matched.toLocaleString("en")} interactions
            {result.matched > result.logs.length ? `; the newest ${result.logs.length} are shown` : ""}.
          </p>
          <CxLogTable logs={result.logs} timeZone={range.timeZone} label={`CX logs of ${what} ${name}`} />
        </>
      )}
    </>
  );
}
