"use client";
// The bell in the top bar: the user's notifications with the unread count (also in the tab's
// title), refreshed the moment a "notification.created" live event for this user arrives (from
// any instance), and shown as desktop notifications once the user allows them. Opening one marks
// it read; so does opening the page of what it is about.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import useSWR from "swr";
import { consoleApi, swrFetcher } from "@/lib/console/console-api";
import { useLiveEvents } from "@/lib/events/use-live-events";
import type { LiveEvent } from "@/lib/events/live-event";
import { formatTimestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";
import styles from "./collab.module.css";

type Item = { id: string; title: string; href: string; createdAt: string; read: boolean };
type Answer = { data: Item[]; unread: number };

const KEY = "/api/notifications";
const TITLE_PREFIX = /^\(\d+\) /;
const noSubscription = () => () => undefined;

function useTitleCount(unread: number) {
  useEffect(() => {
    const apply = () => {
      const bare = document.title.replace(TITLE_PREFIX, "");
      const wanted = unread > 0 ? `(${unread}) ${bare}` : bare;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    // Next.js sets the title of each page it navigates to: put the count back.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [unread]);
}

export function NotificationBell({ userId }: { userId: string }) {
  // The top bar is outside the pages' SWR context: the fetcher is named here.
  const { data, mutate } = useSWR<Answer>(KEY, swrFetcher<Answer>, { revalidateOnFocus: true });
  const [open, setOpen] = useState(false);
  // Read from the browser (none on the server); asking again re-reads it.
  const [, setAsked] = useState(0);
  const permission = useSyncExternalStore(
    noSubscription,
    () => (typeof Notification === "undefined" ? "unsupported" : Notification.permission),
    () => "unsupported",
  );
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const seen = useRef<Set<string> | null>(null);
  const router = useRouter();
  const pathname = usePathname();
  const unread = data?.unread ?? 0;
  useTitleCount(unread);

  // Opening a ticket or contact marks its notifications read on the server.
  useEffect(() => {
    void mutate();
  }, [pathname, mutate]);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === "notification.created" && event.id === userId) void mutate();
    },
    [mutate, userId],
  );
  useLiveEvents(onEvent);

  const markRead = useCallback(
    async (body: { ids: string[] } | { all: true }) => {
      await consoleApi("/api/notifications/read", { method: "POST", body });
      await mutate();
    },
    [mutate],
  );

  // Desktop notifications for the ones that arrived while this tab was open.
  useEffect(() => {
    if (!data) return;
    if (seen.current === null) {
      seen.current = new Set(data.data.map((item) => item.id));
      return;
    }
    for (const item of data.data) {
      if (seen.current.has(item.id)) continue;
      seen.current.add(item.id);
      if (item.read || typeof Notification === "undefined" || Notification.permission !== "granted") continue;
      const shown = new Notification(item.title, { tag: item.id, body: "Klink Console" });
      shown.onclick = () => {
        window.focus();
        void markRead({ ids: [item.id] });
        router.push(item.href);
      };
    }
  }, [data, markRead, router]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div className={styles.bell} ref={root}>
      <button
        ref={button}
        type="button"
        className={styles.bellButton}
        aria-expanded={open}
        aria-controls="notification-panel"
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">🔔</span>
        <span>Notifications</span>
        {unread > 0 ? (
          <span className={styles.count} data-testid="notification-count">
            {unread}
            <span className={ui.srOnly}> unread</span>
          </span>
        ) : null}
      </button>
      <div id="notification-panel" className={styles.panel} hidden={!open}>
        <div className={styles.panelHeader}>
          <h2>Notifications</h2>
          {unread > 0 ? (
            <button type="button" className={styles.bellButton} onClick={() => void markRead({ all: true })}>
              Mark all read
            </button>
          ) : null}
        </div>
        {permission === "default" ? (
          <p className={styles.empty}>
            <button
              type="button"
              className={styles.bellButton}
              onClick={async () => {
                await Notification.requestPermission();
                setAsked((n) => n + 1);
              }}
            >
              Turn on desktop notifications
            </button>
          </p>
        ) : null}
        {data && data.data.length > 0 ? (
          <ul className={styles.items} aria-label="Your notifications">
            {data.data.map((item) => (
              <li key={item.id}>
                <Link
                  href={item.href}
                  className={`${styles.item} ${item.read ? "" : styles.unread}`}
                  onClick={() => {
                    setOpen(false);
                    if (!item.read) void markRead({ ids: [item.id] });
                  }}
                >
                  <span>
                    {item.read ? null : <span className={ui.srOnly}>Unread: </span>}
                    {item.title}
                  </span>
                  <span className={styles.when}>{formatTimestamp(item.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.empty}>Nothing yet. Follow a ticket or contact to hear about its changes.</p>
        )}
      </div>
    </div>
  );
}
