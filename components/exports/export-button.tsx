"use client";
// "Export CSV" on a list page: downloads the export API's stream for the list's current filters,
// shows its progress (rows written of the rows expected) in a live region, and can be cancelled
// (the request is aborted; the server stops reading K-LINK and audits the export as cancelled).
// The command palette's "Export this list" asks for the same through a window event.
import { useCallback, useEffect, useRef, useState } from "react";
import { csvRecordCounter } from "@/lib/exports/count-csv-records";
import { Button } from "@/components/ui/button";
import styles from "./exports.module.css";

export const EXPORT_EVENT = "klink:export-list";

type State =
  | { phase: "idle" }
  | { phase: "running"; rows: number; expected: number | null }
  | { phase: "done"; rows: number }
  | { phase: "cancelled"; rows: number }
  | { phase: "failed"; message: string };

export function ExportButton({ kind, query }: { kind: "tickets" | "contacts"; query: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async () => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: "running", rows: 0, expected: null });
    let rows = 0;
    try {
      const response = await fetch(`/api/exports/${kind}.csv${query}`, {
        credentials: "same-origin",
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        setState({ phase: "failed", message: body?.message ?? `The export failed (${response.status}).` });
        return;
      }
      const expected = Number(response.headers.get("x-export-rows"));
      const count = csvRecordCounter();
      const decoder = new TextDecoder();
      const parts: BlobPart[] = [];
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        rows = Math.max(0, count(decoder.decode(value, { stream: true })) - 1);
        setState({ phase: "running", rows, expected: Number.isFinite(expected) ? expected : null });
      }
      download(new Blob(parts, { type: "text/csv;charset=utf-8" }), fileName(response, kind));
      setState({ phase: "done", rows });
    } catch (error) {
      if ((error as Error).name === "AbortError") setState({ phase: "cancelled", rows });
      else setState({ phase: "failed", message: "The export stopped before it was complete. Try again." });
    } finally {
      controller.current = null;
    }
  }, [kind, query]);

  useEffect(() => {
    const onRequest = () => void start();
    window.addEventListener(EXPORT_EVENT, onRequest);
    return () => window.removeEventListener(EXPORT_EVENT, onRequest);
  }, [start]);
  useEffect(() => () => controller.current?.abort(), []);

  const running = state.phase === "running";
  return (
    <div className={styles.export}>
      {running ? (
        <Button onClick={() => controller.current?.abort()}>Cancel export</Button>
      ) : (
        <Button onClick={() => void start()}>Export CSV</Button>
      )}
      <div role="status" className={styles.status}>
        {running ? (
          <>
            <progress
              max={state.expected || undefined}
              value={state.rows}
              aria-label="Export progress"
              className={styles.progress}
            />
            <span>
              {state.rows.toLocaleString("en")}
              {state.expected !== null ? ` of ${state.expected.toLocaleString("en")}` : ""} rows
            </span>
          </>
        ) : state.phase === "done" ? (
          <span>Exported {state.rows.toLocaleString("en")} rows.</span>
        ) : state.phase === "cancelled" ? (
          <span>Export cancelled.</span>
        ) : state.phase === "failed" ? (
          <span className={styles.error}>{state.message}</span>
        ) : null}
      </div>
    </div>
  );
}

function fileName(response: Response, kind: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? `klink-${kind}.csv`;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
