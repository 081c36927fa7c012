"use client";
// Who else is on this ticket or contact page, and who is writing ("Aye is replying…"). The tab
// sends a heartbeat with what its user is doing every few seconds and at once when that changes,
// asks again as soon as a "presence.changed" live event about this record arrives (from any
// instance), and says it left when the page goes away. Components below report activity through
// usePresenceActivity (the composer: replying; the editor: editing). Opening the page marks its
// notifications read.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useLiveEvents } from "@/lib/events/use-live-events";
import type { LiveEvent } from "@/lib/events/live-event";
import { mutate } from "swr";
import { consoleApi } from "@/lib/console/console-api";
import styles from "./collab.module.css";

type Activity = "editing" | "replying";
type PresenceState = "viewing" | Activity;
type PresentUser = { userId: string; name: string; state: PresenceState };

const HEARTBEAT_MS = 4_000;
const NOTIFICATIONS_KEY = "/api/notifications";
const ActivityContext = createContext<(activity: Activity, active: boolean) => void>(() => undefined);

/** Reports that the user is (or stopped) editing or replying; a no-op outside a PresenceScope. */
export function usePresenceActivity(): (activity: Activity, active: boolean) => void {
  return useContext(ActivityContext);
}

function newTabId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function PresenceScope({
  connectionId,
  record,
  children,
}: {
  connectionId: string;
  /** "ticket:<id>" or "contact:<id>" */
  record: string;
  children: ReactNode;
}) {
  const [others, setOthers] = useState<PresentUser[]>([]);
  const [activities, setActivities] = useState<ReadonlySet<Activity>>(new Set());
  const [tab] = useState(newTabId);
  const state: PresenceState = activities.has("replying")
    ? "replying"
    : activities.has("editing")
      ? "editing"
      : "viewing";
  const stateRef = useRef(state);
  // Before the heartbeat effect below, which sends the new state at once.
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const beat = useCallback(async () => {
    const answer = await consoleApi<{ data: PresentUser[] }>("/api/presence", {
      method: "POST",
      body: { connection: connectionId, record, tab, state: stateRef.current },
    });
    if (answer.ok) setOthers(answer.data.data);
  }, [connectionId, record, tab]);

  useEffect(() => {
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [beat, state]);

  useEffect(() => {
    const left = () =>
      void fetch("/api/presence", {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ connection: connectionId, record, tab, state: "left" }),
      }).catch(() => undefined);
    window.addEventListener("pagehide", left);
    return () => {
      window.removeEventListener("pagehide", left);
      left();
    };
  }, [connectionId, record, tab]);

  // Opening the page is reading its notifications; the bell is told.
  useEffect(() => {
    void consoleApi("/api/notifications/read", { method: "POST", body: { connection: connectionId, record } }).then(
      (answer) => {
        if (answer.ok && (answer.data as { marked?: number }).marked) void mutate(NOTIFICATIONS_KEY);
      },
    );
  }, [connectionId, record]);

  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type !== "presence.changed" || event.id !== record || event.connectionId !== connectionId) return;
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void beat();
      }, 150);
    },
    [beat, connectionId, record],
  );
  useLiveEvents(onEvent);

  const report = useCallback((activity: Activity, active: boolean) => {
    setActivities((current) => {
      if (current.has(activity) === active) return current;
      const next = new Set(current);
      if (active) next.add(activity);
      else next.delete(activity);
      return next;
    });
  }, []);

  return (
    <ActivityContext.Provider value={report}>
      <PresenceBar others={others} />
      {children}
    </ActivityContext.Provider>
  );
}

const STATE_TEXT: Record<PresenceState, string> = {
  viewing: "viewing",
  editing: "is editing…",
  replying: "is replying…",
};

function PresenceBar({ others }: { others: PresentUser[] }) {
  return (
    <section className={styles.presence} aria-label="Who else is here" data-testid="presence">
      <div role="status" aria-live="polite">
        {others.length === 0 ? (
          <span>Nobody else is on this page.</span>
        ) : (
          <ul className={styles.presenceList}>
            {others.map((user) => (
              <li
                key={user.userId}
                className={`${styles.presenceUser} ${user.state === "viewing" ? "" : styles.presenceActive}`}
              >
                {user.name} {STATE_TEXT[user.state]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
