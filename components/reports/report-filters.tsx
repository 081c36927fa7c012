// The report's range: presets as plain links, and a custom range as a plain GET form, so the
// whole state is the URL and the page works before (and without) JavaScript.
import Link from "next/link";
import { REPORT_PRESETS, reportHref, type ReportPreset, type ReportQuery } from "@/lib/reports/report-range";
import { Field } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import styles from "./reports.module.css";

export function ReportFilters({ query, zones }: { query: ReportQuery; zones: string[] }) {
  const presets = (Object.keys(REPORT_PRESETS) as ReportPreset[]).filter((p) => p !== "custom");
  return (
    <>
      <nav aria-label="Report ranges">
        <ul className={styles.presets}>
          {presets.map((preset) => (
            <li key={preset}>
              <Link href={reportHref({ ...query, preset })} aria-current={query.preset === preset ? "page" : undefined}>
                {REPORT_PRESETS[preset]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className={ui.filters} action="/reports" method="get" aria-label="Custom report range">
        <input type="hidden" name="preset" value="custom" />
        <Field label="From" error={query.problems.from}>
          <input name="from" type="date" defaultValue={query.from} required />
        </Field>
        <Field label="To" error={query.problems.to}>
          <input name="to" type="date" defaultValue={query.to} required />
        </Field>
        <Field label="Time zone" error={query.problems.tz}>
          <input
            name="tz"
            list="report-zones"
            defaultValue={query.timeZone ?? ""}
            placeholder="Asia/Bangkok"
            autoComplete="off"
          />
        </Field>
        <datalist id="report-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <button type="submit" className={`${ui.button} ${ui.primary}`}>
          Show custom range
        </button>
      </form>
      {query.problems.preset ? <p className={ui.fieldError}>Range {query.problems.preset}.</p> : null}
    </>
  );
}
