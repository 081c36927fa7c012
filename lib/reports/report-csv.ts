import "server-only";
// Every table of the Reports page as CSV: the same rows the page shows, durations in seconds
// (the unit K-LINK sends, README "Reports"), shares as percentages with one decimal. Text cells
// are defused against spreadsheet formulas (lib/audit/audit-csv.ts csvCell); numbers are written
// as numbers.
import { csvCell } from "../audit/audit-csv";
import type { Report } from "./build-report";
import { DIMENSIONS, isDimension } from "./log-dimensions";
import type { Spread } from "./quantile";
import type { SlaRow, SpeedRow } from "./summarize";

export const REPORT_TABLES = [
  "volume",
  "sla",
  "speed",
  "channel",
  "queue",
  "agent",
  "disposition",
  "comparison",
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

type Cell = string | number | null;

const cell = (value: Cell): string =>
  typeof value === "number" ? (Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : "") : csvCell(value);
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
const share = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 10);
const spread = (s: Spread): Cell[] => [s.median, s.p90];

function slaCells(row: SlaRow): Cell[] {
  return [
    row.label,
    row.total,
    row.met,
    row.breached,
    row.none,
    percent(row.met, row.total),
    percent(row.breached, row.total),
    percent(row.none, row.total),
  ];
}

function speedCells(row: SpeedRow): Cell[] {
  return [row.label, ...spread(row.firstResponse), ...spread(row.handled), ...spread(row.resolution)];
}

export function reportTableRows(report: Report, table: ReportTable): Cell[][] {
  const { summary } = report;
  if (isDimension(table)) {
    return [
      ["key", DIMENSIONS[table].toLowerCase(), "interactions", "sla_met_percent", "first_response_median_seconds"],
      ...summary.breakdowns[table].map((r) => [r.key, r.label, r.count, share(r.slaMetShare), r.firstResponseMedian]),
    ];
  }
  switch (table) {
    case "volume":
      return [
        [summary.granularity, "inbound", "outbound", "other", "total"],
        ...summary.volume.map((r) => [r.label, r.inbound, r.outbound, r.other, r.total]),
      ];
    case "sla":
      return [
        ["day", "interactions", "met", "breached", "no_sla", "met_percent", "breached_percent", "no_sla_percent"],
        ...summary.sla.byDay.map(slaCells),
        slaCells(summary.sla.overall),
      ];
    case "speed":
      return [
        [
          "day",
          "first_response_median_seconds",
          "first_response_p90_seconds",
          "handled_median_seconds",
          "handled_p90_seconds",
          "resolution_median_seconds",
          "resolution_p90_seconds",
        ],
        ...summary.speed.byDay.map(speedCells),
        speedCells(summary.speed.overall),
      ];
    case "comparison":
      return [
        ["measure", "current", "previous", "change"],
        ...report.comparison.map((d) =>
          d.key === "slaMetShare"
            ? ["sla_met_percent", share(d.current), share(d.previous), share(d.change)]
            : [d.key, d.current, d.previous, d.change],
        ),
      ];
  }
}

export function reportCsv(report: Report, table: ReportTable): string {
  return reportTableRows(report, table)
    .map((row) => `${row.map(cell).join(",")}\r\n`)
    .join("");
}
