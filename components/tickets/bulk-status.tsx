"use client";
// Bulk status change: the tickets selected on this page, or every ticket matching the filter.
// Each ticket is its own audited PUT through the proxy, four at a time, with a progress bar, a
// result per ticket, a summary and a stop button; the list is revalidated afterwards. Large
// selections ask first, naming how many tickets will change.
import { useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RequestId } from "@/components/ui/notice";
import {
  BULK_MAX_TICKETS,
  changeTicketStatuses,
  listMatchingTickets,
  type BulkItemResult,
  type BulkTarget,
} from "@/lib/console/bulk-ticket-status";
import { optionLabel, optionsOf, type FormField } from "@/lib/console/ticket-field-model";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

/** Above this many tickets a change is confirmed first. */
export const BULK_CONFIRM_THRESHOLD = 20;

type Run = {
  status: string;
  phase: "listing" | "changing" | "stopped" | "done" | "failed";
  total: number;
  results: BulkItemResult[];
  message?: string;
};

const count = (n: number) => n.toLocaleString("en");

/** "Changing: 3 of 40 set to Closed, 1 failed." while a run goes on, and when it has ended. */
function progressSummary(run: Run, statusLabel: string, ok: number, failed: number): string {
  const phase = run.phase === "changing" ? "Changing" : run.phase === "stopped" ? "Stopped" : "Done";
  const notAttempted = run.phase === "stopped" ? `, ${count(run.total - run.results.length)} not attempted` : "";
  return `${phase}: ${count(ok)} of ${count(run.total)} set to ${statusLabel}${failed ? `, ${count(failed)} failed` : ""}${notAttempted}.`;
}

export function BulkStatus({
  selected,
  matchingTotal,
  filterQuery,
  filtered,
  fields,
  onDone,
}: {
  selected: BulkTarget[];
  matchingTotal: number;
  filterQuery: URLSearchParams;
  filtered: boolean;
  fields: FormField[];
  onDone: () => void;
}) {
  const { mutate } = useSWRConfig();
  const statuses = optionsOf(fields, "status");
  const [status, setStatus] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const stop = useRef<AbortController | null>(null);
  const running = run?.phase === "listing" || run?.phase === "changing";
  const capped = Math.min(matchingTotal, BULK_MAX_TICKETS);
  const statusName = optionLabel(fields, "status", status);

  async function start(source: "selected" | "matching") {
    if (!status || running) return;
    const controller = new AbortController();
    stop.current = controller;
    let targets = selected;
    if (source === "matching") {
      setRun({ status, phase: "listing", total: capped, results: [], message: "Collecting the matching tickets…" });
      const listed = await listMatchingTickets(filterQuery, { signal: controller.signal });
      if (!listed.ok) {
        setRun({
          status,
          phase: "failed",
          total: 0,
          results: [],
          message: `The matching tickets could not be listed: ${listed.error.message}`,
        });
        return;
      }
      targets = listed.tickets;
    }
    const results: BulkItemResult[] = [];
    setRun({ status, phase: "changing", total: targets.length, results: [] });
    await changeTicketStatuses(targets, status, {
      signal: controller.signal,
      onResult: (result) => {
        results.push(result);
        setRun((current) => (current ? { ...current, results: [...results] } : current));
      },
    });
    setRun({
      status,
      phase: controller.signal.aborted ? "stopped" : "done",
      total: targets.length,
      results: [...results],
    });
    onDone();
    await mutate((key) => typeof key === "string" && key.startsWith("/api/klink/v1/tickets"));
  }

  const ok = run?.results.filter((r) => r.ok).length ?? 0;
  const failed = (run?.results.length ?? 0) - ok;
  const trigger = (source: "selected" | "matching", n: number, label: string) =>
    n > BULK_CONFIRM_THRESHOLD ? (
      <ConfirmDialog
        trigger={label}
        title={`Change the status of ${count(n)} tickets?`}
        confirmLabel={`Change ${count(n)} tickets`}
        variant="primary"
        disabled={!status || running}
        onConfirm={() => start(source)}
      >
        <p>
          {count(n)} tickets will be set to <strong>{statusName}</strong>, one K-LINK call each (each is in the audit
          log). You can stop part-way; tickets already changed stay changed.
        </p>
      </ConfirmDialog>
    ) : (
      <Button variant="primary" disabled={!status || running || n === 0} onClick={() => start(source)}>
        {label}
      </Button>
    );

  return (
    <section
      className={styles.bulkBar}
      data-active={selected.length > 0 || run !== null || undefined}
      aria-label="Bulk status change"
    >
      <div className={styles.bulkControls}>
        <span className={styles.bulkCount} aria-live="polite">
          {selected.length ? `${count(selected.length)} selected` : "Select tickets to change their status together"}
        </span>
        <label className={styles.inlineField}>
          <span>New status</span>
          <select
            className={ui.input}
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            disabled={running}
          >
            <option value="">Choose…</option>
            {statuses.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {selected.length
          ? trigger("selected", selected.length, `Change status of ${count(selected.length)} selected`)
          : null}
        {filtered && matchingTotal > 0
          ? trigger("matching", capped, `Change all ${count(capped)} matching this filter`)
          : null}
      </div>
      {filtered && matchingTotal > BULK_MAX_TICKETS ? (
        <p className={ui.fieldHint}>
          At most {count(BULK_MAX_TICKETS)} tickets change at once; narrow the filter for the rest.
        </p>
      ) : null}
      {run ? (
        <div className={styles.bulkRun}>
          <div className={styles.bulkProgress}>
            <progress
              className={ui.progress}
              max={Math.max(run.total, 1)}
              value={run.phase === "listing" ? undefined : run.results.length}
              aria-label="Bulk change progress"
            />
            {running ? (
              <Button size="small" variant="secondary" onClick={() => stop.current?.abort()}>
                Stop
              </Button>
            ) : (
              <Button size="small" variant="ghost" onClick={() => setRun(null)}>
                Dismiss
              </Button>
            )}
          </div>
          <p role="status" className={styles.bulkSummary}>
            {run.phase === "listing" || run.phase === "failed"
              ? run.message
              : progressSummary(run, optionLabel(fields, "status", run.status), ok, failed)}
          </p>
          {run.results.length ? (
            <ul className={styles.bulkResults} aria-label="Results per ticket">
              {run.results.map((r) => (
                <li key={r.id} data-ok={r.ok}>
                  <span className={styles.bulkMark} aria-hidden="true">
                    {r.ok ? "✓" : "✕"}
                  </span>
                  <span>{r.label}</span>
                  <span className={r.ok ? styles.okText : styles.failText}>
                    {r.ok ? "changed" : `failed: ${r.message}`}
                    {!r.ok && r.requestId ? (
                      <>
                        {" "}
                        (<RequestId id={r.requestId} />)
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
