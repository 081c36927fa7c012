// A long range streams: days are computed a week at a time, and while the next week is read the
// page already shows how far it got and the volume of the days that are ready (nested Suspense:
// each step's fallback is the progress so far). The last step adds the previous period and shows
// the whole report.
import { Suspense } from "react";
import type { ReadContext } from "@/lib/console/read-klink";
import { buildReport } from "@/lib/reports/build-report";
import { computeDays, type ComputedDays } from "@/lib/reports/compute-days";
import type { Limit } from "@/lib/reports/read-day";
import { isHourly } from "@/lib/reports/report-range";
import { summarize } from "@/lib/reports/summarize";
import { ReportTable } from "./report-table";
import { ReportView } from "./report-view";
import { queryString } from "@/lib/console/search-params";
import styles from "./reports.module.css";

const DAYS_PER_STEP = 7;

type Step = {
  context: ReadContext;
  range: { from: string; to: string; timeZone: string };
  days: string[];
  now: Date;
  limit: Limit;
};

const EMPTY: ComputedDays = { aggregates: [], failures: [], reads: [], sources: { stored: 0, cached: 0, klink: 0 } };

function merge(a: ComputedDays, b: ComputedDays): ComputedDays {
  return {
    aggregates: [...a.aggregates, ...b.aggregates].sort((x, y) => x.day.localeCompare(y.day)),
    failures: [...a.failures, ...b.failures],
    reads: [...a.reads, ...b.reads],
    sources: {
      stored: a.sources.stored + b.sources.stored,
      cached: a.sources.cached + b.sources.cached,
      klink: a.sources.klink + b.sources.klink,
    },
  };
}

export function ReportProgress({ step, done }: { step: Step; done: ComputedDays }) {
  const ready = done.aggregates.length + done.failures.length;
  const partial = summarize({
    ...step.range,
    dayNames: step.days,
    days: done.aggregates,
    hourly: isHourly(step.range.from, step.range.to),
  });
  return (
    <div className={styles.progress} aria-busy="true">
      <label>
        Reading CX logs from K-LINK: {ready} of {step.days.length} days ready
        <progress max={step.days.length} value={ready} />
      </label>
      {done.aggregates.length ? (
        <ReportTable
          title="Volume so far"
          csvHref={`/api/reports/csv${queryString({ table: "volume", from: step.range.from, to: step.range.to, tz: step.range.timeZone })}`}
          columns={[
            { label: "Day" },
            { label: "Inbound", numeric: true },
            { label: "Outbound", numeric: true },
            { label: "Total", numeric: true },
          ]}
          rows={partial.volume.map((r) => ({ key: r.label, cells: [r.label, r.inbound, r.outbound, r.total] }))}
        />
      ) : null}
    </div>
  );
}

export async function ReportStep({ step, index, done }: { step: Step; index: number; done: ComputedDays }) {
  const chunk = step.days.slice(index, index + DAYS_PER_STEP);
  const computed = merge(
    done,
    await computeDays(step.context, { timeZone: step.range.timeZone, days: chunk, now: step.now, limit: step.limit }),
  );
  if (index + DAYS_PER_STEP >= step.days.length) {
    const report = await buildReport(step.context, step.range, { now: step.now, limit: step.limit, current: computed });
    return <ReportView report={report} />;
  }
  return (
    <Suspense fallback={<ReportProgress step={step} done={computed} />}>
      <ReportStep step={step} index={index + DAYS_PER_STEP} done={computed} />
    </Suspense>
  );
}

export function ProgressiveReport(props: Step) {
  return (
    <Suspense fallback={<ReportProgress step={props} done={EMPTY} />}>
      <ReportStep step={props} index={0} done={EMPTY} />
    </Suspense>
  );
}
