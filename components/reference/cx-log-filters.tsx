"use client";
// The CX logs range (first and last day), the zone the days are read in, and the page size —
// all in the URL; quick ranges are plain links.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addDays, CX_LOG_PAGE_SIZES, cxLogsHref, MAX_RANGE_DAYS, type CxLogQuery } from "@/lib/console/cx-log-range";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import styles from "./reference.module.css";

/** `today` (in the query's zone) and `zones` come from the server, so server and browser render the same. */
export function CxLogFilters({ query, today, zones }: { query: CxLogQuery; today: string | null; zones: string[] }) {
  const router = useRouter();
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [zone, setZone] = useState(query.timeZone ?? "");
  const [pending, startTransition] = useTransition();
  const go = (next: Partial<CxLogQuery>) =>
    startTransition(() =>
      router.push(
        cxLogsHref({ from, to, timeZone: zone.trim() || undefined, pageSize: query.pageSize, ...next, page: 1 }),
      ),
    );
  const quick = today
    ? [
        { label: "Today", from: today, to: today },
        { label: "Last 7 days", from: addDays(today, -6), to: today },
        { label: "Last 30 days", from: addDays(today, -29), to: today },
      ]
    : [];

  return (
    <>
      <form
        className={ui.filters}
        action="/cx-logs"
        method="get"
        aria-label="CX log range"
        onSubmit={(event) => {
          event.preventDefault();
          go({});
        }}
      >
        <Field label="From" error={query.problems.from}>
          <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </Field>
        <Field label="To" error={query.problems.to}>
          <input name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </Field>
        <Field label="Time zone" error={query.problems.tz}>
          <input
            name="tz"
            list="cx-log-zones"
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            placeholder="Asia/Bangkok"
            autoComplete="off"
          />
        </Field>
        <datalist id="cx-log-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Field label="Per page">
          <select name="pageSize" value={query.pageSize} onChange={(e) => go({ pageSize: Number(e.target.value) })}>
            {[...new Set([...CX_LOG_PAGE_SIZES, query.pageSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
          </select>
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Loading…" : "Show"}
        </Button>
      </form>
      {quick.length ? (
        <nav
          aria-label="Quick ranges"
          className={ui.actions}
          style={{ margin: "-0.3rem 0 0.9rem", fontSize: "0.92rem" }}
        >
          {quick.map((range) => (
            <Link
              key={range.label}
              href={cxLogsHref({ ...query, from: range.from, to: range.to, page: 1 })}
              aria-current={range.from === query.from && range.to === query.to ? "true" : undefined}
              className={`${ui.pageLink} ${styles.quickRange}`}
            >
              {range.label}
            </Link>
          ))}
          <span className={ui.muted}>Ranges of up to {MAX_RANGE_DAYS} days.</span>
        </nav>
      ) : null}
    </>
  );
}
