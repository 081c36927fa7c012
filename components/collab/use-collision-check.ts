"use client";
// Before a message is sent or an edit saved: asks what someone else changed on the watched records
// since the page loaded (or since this user last went ahead), and holds those changes for the
// warning. Going ahead (or sending) moves the moment forward, so the same changes warn once.
import { useCallback, useRef, useState } from "react";
import { consoleApi } from "@/lib/console/console-api";

export type WatchedRecords = {
  connectionId: string;
  /** "ticket:<id>", "contact:<id>" */
  records: string[];
  /** The server's time when the page was rendered (ISO). */
  since: string;
};

export type SeenChange = {
  id: string;
  type: string;
  recordId: string;
  source: "console" | "klink";
  by: string;
  kind: string;
  summary: string;
  at: string;
};

export function useCollisionCheck(watch: WatchedRecords | undefined) {
  const since = useRef<string | null>(null);
  const checkedAt = useRef<string | null>(null);
  const [changes, setChanges] = useState<SeenChange[] | null>(null);

  /** Resolves true when there are changes to show first (the action must wait for the user). */
  const check = useCallback(async (): Promise<boolean> => {
    if (!watch) return false;
    const params = new URLSearchParams({
      connection: watch.connectionId,
      records: watch.records.join(","),
      since: since.current ?? watch.since,
    });
    const answer = await consoleApi<{ data: SeenChange[]; checkedAt: string }>(`/api/collisions?${params}`);
    // The check must never stop a reply: without an answer, the action goes ahead.
    if (!answer.ok) return false;
    checkedAt.current = answer.data.checkedAt;
    if (answer.data.data.length === 0) {
      since.current = answer.data.checkedAt;
      return false;
    }
    setChanges(answer.data.data);
    return true;
  }, [watch]);

  /** The user has seen the changes (or just acted): only newer ones warn next time. */
  const acknowledge = useCallback(() => {
    since.current = checkedAt.current ?? new Date().toISOString();
    setChanges(null);
  }, []);

  return { changes, check, acknowledge, dismiss: acknowledge };
}
