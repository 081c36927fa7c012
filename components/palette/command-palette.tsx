"use client";
// Jump anywhere (Ctrl+K or ⌘K, or the search button in the top bar): one text box finds pages,
// actions, the user's saved views and recent items at once, and tickets (by number or title) and
// contacts through K-LINK's listing searches as they answer. An ARIA combobox over a grouped
// listbox: arrows move, Enter opens, Escape closes (a native modal dialog, so focus stays inside
// and returns to where it was). A live region says how many results there are and whether K-LINK
// is still being searched. Viewers get no write actions.
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import {
  createPaletteSearch,
  emptySearch,
  matches,
  PALETTE_GROUPS,
  type PaletteItem,
  type RemoteSource,
  type SearchState,
} from "@/lib/console/palette-search";
import type { NavView } from "@/components/views/nav-view";
import { EXPORT_EVENT } from "@/components/exports/export-button";
import { readRecent, recentKindOf, rememberRecent, type RecentItem } from "./recent-items";
import { searchKlink } from "./remote-search";
import styles from "./palette.module.css";

const REMOTE: RemoteSource[] = ["Tickets", "Contacts"];
const TYPING_PAUSE_MS = 150;

export type PalettePage = { href: string; label: string };

export function CommandPalette({
  pages,
  views,
  canWrite,
  canExport,
}: {
  pages: PalettePage[];
  views: NavView[];
  canWrite: boolean;
  canExport: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listboxId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [remote, setRemote] = useState<SearchState>(emptySearch());
  const [recent, setRecent] = useState<RecentItem[]>([]);
  const search = useMemo(() => createPaletteSearch(searchKlink, setRemote), []);

  const show = useCallback(() => {
    setRecent(readRecent());
    setQuery("");
    setActive(0);
    setRemote(emptySearch());
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
    input.current?.focus();
  }, []);
  const close = useCallback(() => {
    search.cancel();
    dialog.current?.close();
  }, [search]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        if (dialog.current?.open) close();
        else show();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [show, close]);

  // Remember the ticket or contact page just opened, named by its heading once it has rendered.
  useEffect(() => {
    const kind = recentKindOf(pathname);
    if (!kind) return;
    const timer = setTimeout(() => {
      const heading = document.querySelector("main h1")?.textContent?.trim();
      rememberRecent({ href: pathname, kind, label: heading || kind });
    }, 800);
    return () => clearTimeout(timer);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void search.run(query, REMOTE), query.trim() ? TYPING_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [open, query, search]);

  const onList = /^\/(tickets|contacts)$/.test(pathname);
  const items = useMemo(() => {
    const actions: PaletteItem[] = [
      ...(canWrite
        ? [
            { id: "palette-new-ticket", group: "Actions" as const, label: "New ticket", href: "/tickets/new" },
            { id: "palette-new-contact", group: "Actions" as const, label: "New contact", href: "/contacts/new" },
          ]
        : []),
      ...(canExport && onList
        ? [{ id: "palette-export", group: "Actions" as const, label: "Export this list", action: "export" as const }]
        : []),
    ];
    const candidates: PaletteItem[] = [
      ...actions,
      ...views.map((view) => ({
        id: `palette-view-${view.id}`,
        group: "Saved views" as const,
        label: view.name,
        detail: `${view.list === "tickets" ? "Ticket" : "Contact"} view${view.shared ? ", shared" : ""}`,
        href: view.href,
      })),
      ...recent.map((item, index) => ({
        id: `palette-recent-${index}`,
        group: "Recent" as const,
        label: item.label,
        detail: item.kind,
        href: item.href,
      })),
      ...pages.map((page) => ({
        id: `palette-page-${page.href}`,
        group: "Pages" as const,
        label: page.label,
        href: page.href,
      })),
    ];
    const local = candidates.filter((item) => matches(query, item.label, item.detail));
    // Only the answers to what is in the box now (an older query's never show).
    const found = remote.query === query ? REMOTE.flatMap((source) => remote.results[source] ?? []) : [];
    const all = [...local, ...found];
    return PALETTE_GROUPS.flatMap((group) => all.filter((item) => item.group === group));
  }, [canWrite, canExport, onList, views, recent, pages, query, remote]);

  const current = items.length ? Math.min(active, items.length - 1) : -1;
  const searching = remote.query === query && remote.pending.length > 0;
  const failed = remote.query === query ? remote.failed : [];

  function choose(item: PaletteItem | undefined) {
    if (!item) return;
    close();
    if (item.action === "export") window.dispatchEvent(new Event(EXPORT_EVENT));
    else if (item.href) router.push(item.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const move = (to: number) => {
      event.preventDefault();
      setActive(items.length ? (to + items.length) % items.length : 0);
    };
    if (event.key === "ArrowDown") move(current + 1);
    else if (event.key === "ArrowUp") move(current - 1);
    else if (event.key === "Home" && event.ctrlKey) move(0);
    else if (event.key === "End" && event.ctrlKey) move(items.length - 1);
    else if (event.key === "Enter") {
      event.preventDefault();
      choose(items[current]);
    }
  }

  useEffect(() => {
    if (current >= 0) document.getElementById(items[current].id)?.scrollIntoView({ block: "nearest" });
  }, [current, items]);

  const groups = PALETTE_GROUPS.filter((group) => items.some((item) => item.group === group));
  return (
    <>
      <button
        type="button"
        className={styles.trigger}
        onClick={show}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
      >
        <span>Jump to…</span>
        <kbd className={styles.kbd}>Ctrl K</kbd>
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-label="Jump anywhere" onClose={() => setOpen(false)}>
        <div className={styles.box}>
          <label className={styles.label} htmlFor={`${listboxId}-input`}>
            Jump to a ticket, contact, view, page or action
          </label>
          <input
            ref={input}
            id={`${listboxId}-input`}
            className={styles.input}
            role="combobox"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={current >= 0 ? items[current].id : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="Ticket number or title, contact, page…"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <div id={listboxId} role="listbox" aria-label="Results" className={styles.listbox}>
            {groups.map((group) => (
              <div key={group} role="group" aria-labelledby={`${listboxId}-${group.replace(/\s/g, "-")}`}>
                <div role="presentation" id={`${listboxId}-${group.replace(/\s/g, "-")}`} className={styles.groupName}>
                  {group}
                </div>
                {items
                  .filter((item) => item.group === group)
                  .map((item) => {
                    const selected = items[current]?.id === item.id;
                    return (
                      <div
                        key={item.id}
                        id={item.id}
                        role="option"
                        aria-selected={selected}
                        className={styles.option}
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseMove={() => setActive(items.indexOf(item))}
                        onClick={() => choose(item)}
                      >
                        <span>{item.label}</span>
                        {item.detail ? <span className={styles.detail}>{item.detail}</span> : null}
                      </div>
                    );
                  })}
              </div>
            ))}
          </div>
          <p role="status" className={styles.status}>
            {announce(items.length, searching, failed)}
          </p>
        </div>
      </dialog>
    </>
  );
}

function announce(count: number, searching: boolean, failed: RemoteSource[]): string {
  const results = count === 0 && !searching ? "No results." : `${count} result${count === 1 ? "" : "s"}.`;
  const more = searching ? " Searching K-LINK…" : "";
  const broken = failed.length ? ` ${failed.join(" and ")} could not be searched.` : "";
  return `${results}${more}${broken}`;
}
