// The report: headline numbers with the comparison to the previous period, volume (chart and
// table), SLA, speed and the four breakdowns, each table with its CSV; breakdown rows open the CX
// logs they counted. Durations are seconds from K-LINK, shown in human units.
import Link from "next/link";
import { formatDuration } from "@/lib/console/zoned-time";
import type { Report } from "@/lib/reports/build-report";
import { drillDownHref } from "@/lib/reports/drill-down";
import { DIMENSIONS, DIMENSION_NAMES } from "@/lib/reports/log-dimensions";
import type { Spread } from "@/lib/reports/quantile";
import type { ReportTable as TableName } from "@/lib/reports/report-csv";
import { queryString } from "@/lib/console/search-params";
import type { Headline, HeadlineDelta, SlaRow, SpeedRow } from "@/lib/reports/summarize";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { ReportTable } from "./report-table";
import { VolumeChart } from "./volume-chart";
import styles from "./reports.module.css";

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);
const count = (n: number) => n.toLocaleString("en");
const ofTotal = (part: number, total: number) => (total === 0 ? "—" : `${((part / total) * 100).toFixed(1)} %`);

const HEADLINES: Record<
  keyof Headline,
  { label: string; show: (v: number | null) => string; lowerIsBetter?: boolean }
> = {
  interactions: { label: "Interactions", show: (v) => (v === null ? "—" : count(v)) },
  slaMetShare: { label: "SLA met", show: percent },
  firstResponseMedian: { label: "Median first response", show: formatDuration, lowerIsBetter: true },
  handledMedian: { label: "Median handled time", show: formatDuration, lowerIsBetter: true },
  resolutionMedian: { label: "Median resolution", show: formatDuration, lowerIsBetter: true },
};

function Delta({ delta, period }: { delta: HeadlineDelta; period: string }) {
  const spec = HEADLINES[delta.key];
  if (delta.change === null || delta.previous === null) return <span>No {period} to compare</span>;
  if (delta.change === 0) return <span>→ same as {period}</span>;
  const up = delta.change > 0;
  const better = delta.key === "interactions" ? null : spec.lowerIsBetter ? !up : up;
  const amount =
    delta.key === "slaMetShare"
      ? `${Math.abs(delta.change * 100).toFixed(1)} pts`
      : delta.key === "interactions"
        ? count(Math.abs(delta.change))
        : formatDuration(Math.abs(delta.change));
  return (
    <span className={better === null ? undefined : better ? styles.better : styles.worse}>
      <span aria-hidden="true">{up ? "▲" : "▼"} </span>
      {up ? "up" : "down"} {amount} from {spec.show(delta.previous)} ({period})
    </span>
  );
}

const slaCells = (r: SlaRow) => [
  r.label,
  count(r.total),
  ofTotal(r.met, r.total),
  ofTotal(r.breached, r.total),
  ofTotal(r.none, r.total),
];
const spread = (s: Spread) => [formatDuration(s.median), formatDuration(s.p90)];
const speedCells = (r: SpeedRow) => [
  r.label,
  ...spread(r.firstResponse),
  ...spread(r.handled),
  ...spread(r.resolution),
];

export function ReportView({ report }: { report: Report }) {
  const { summary } = report;
  const range = { from: summary.from, to: summary.to, timeZone: summary.timeZone };
  const csv = (table: TableName) =>
    `/api/reports/csv${queryString({ table, from: range.from, to: range.to, tz: range.timeZone })}`;
  const period = `previous ${summary.days.asked === 1 ? "day" : `${summary.days.asked} days`}`;

  if (summary.days.read === 0 && report.failure) return <KlinkFailure failure={report.failure} what="The report" />;
  return (
    <>
      <StaleBanner degraded={report.degraded} />
      {summary.days.missing.length ? (
        <Notice
          tone="warn"
          title={`K-LINK could not give ${summary.days.missing.length} of ${summary.days.asked} days.`}
        >
          <p>
            The numbers below leave out {summary.days.missing.slice(0, 5).join(", ")}
            {summary.days.missing.length > 5 ? " and others" : ""}. {report.failure?.message} Reload to try again.
          </p>
        </Notice>
      ) : null}
      <ul className={styles.headlines} aria-label="Headline numbers">
        {report.comparison.map((delta) => (
          <li key={delta.key} className={styles.headline}>
            {HEADLINES[delta.key].label}
            <strong>{HEADLINES[delta.key].show(delta.current)}</strong>
            <Delta delta={delta} period={period} />
          </li>
        ))}
      </ul>
      <p style={{ margin: "-0.5rem 0 1rem" }}>
        <a href={csv("comparison")} download>
          Download the comparison as CSV
        </a>
      </p>

      <Section title={summary.granularity === "hour" ? "Volume per hour" : "Volume per day"} id="volume">
        <VolumeChart
          rows={summary.volume}
          summary={`${count(summary.totals.total)} interactions from ${summary.from} to ${summary.to}: ${count(summary.totals.inbound)} inbound, ${count(summary.totals.outbound)} outbound.`}
        />
        <ReportTable
          title="Volume"
          csvHref={csv("volume")}
          columns={[
            { label: summary.granularity === "hour" ? "Hour" : "Day" },
            { label: "Inbound", numeric: true },
            { label: "Outbound", numeric: true },
            { label: "Other", numeric: true },
            { label: "Total", numeric: true },
          ]}
          rows={summary.volume.map((r) => ({
            key: r.label,
            cells: [r.label, count(r.inbound), count(r.outbound), count(r.other), count(r.total)],
          }))}
          footer={[
            "All",
            count(summary.totals.inbound),
            count(summary.totals.outbound),
            count(summary.totals.other),
            count(summary.totals.total),
          ]}
        />
      </Section>

      <div className={styles.tables}>
        <Section title="SLA" id="sla">
          <p>Shares of all interactions. SLA met above counts only the interactions that had an SLA.</p>
          <ReportTable
            title="SLA per day"
            csvHref={csv("sla")}
            columns={[
              { label: "Day" },
              { label: "Interactions", numeric: true },
              { label: "Met", numeric: true },
              { label: "Breached", numeric: true },
              { label: "No SLA", numeric: true },
            ]}
            rows={summary.sla.byDay.map((r) => ({ key: r.label, cells: slaCells(r) }))}
            footer={slaCells(summary.sla.overall)}
          />
        </Section>
        <Section title="Speed" id="speed">
          <p>Median and 90th percentile.</p>
          <ReportTable
            title="Speed per day"
            csvHref={csv("speed")}
            columns={[
              { label: "Day" },
              { label: "First response, median", numeric: true },
              { label: "First response, 90th", numeric: true },
              { label: "Handled, median", numeric: true },
              { label: "Handled, 90th", numeric: true },
              { label: "Resolution, median", numeric: true },
              { label: "Resolution, 90th", numeric: true },
            ]}
            rows={summary.speed.byDay.map((r) => ({ key: r.label, cells: speedCells(r) }))}
            footer={speedCells(summary.speed.overall)}
          />
        </Section>
      </div>

      <div className={styles.tables}>
        {DIMENSION_NAMES.map((dimension) => (
          <Section key={dimension} title={`By ${DIMENSIONS[dimension].toLowerCase()}`} id={`by-${dimension}`}>
            <ReportTable
              title={`Interactions by ${DIMENSIONS[dimension].toLowerCase()}`}
              csvHref={csv(dimension)}
              columns={[
                { label: DIMENSIONS[dimension] },
                { label: "Interactions", numeric: true },
                { label: "SLA met", numeric: true },
                { label: "Median first response", numeric: true },
              ]}
              rows={summary.breakdowns[dimension].map((r) => ({
                key: r.key,
                cells: [
                  <Link key="link" className={styles.rowLink} href={drillDownHref(range, { dimension, key: r.key })}>
                    {r.label}
                  </Link>,
                  count(r.count),
                  percent(r.slaMetShare),
                  formatDuration(r.firstResponseMedian),
                ],
              }))}
            />
          </Section>
        ))}
      </div>
    </>
  );
}
