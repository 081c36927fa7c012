"use client";
// Keyboard operation of a list page: "/" focuses the page's search field, "j"/"k" move the
// active row down/up, Enter opens it. Rows are the elements marked data-list-row inside the
// container, each holding one link (the first <a> is opened). Keys typed into a form control are
// left alone.
import { useEffect, useRef, type RefObject } from "react";

export function useListKeyboard<T extends HTMLElement>(options: { searchSelector?: string } = {}): RefObject<T | null> {
  const container = useRef<T>(null);
  const searchSelector = options.searchSelector ?? "[data-list-search]";
  useEffect(() => {
    let active = -1;
    const rows = () => Array.from(container.current?.querySelectorAll<HTMLElement>("[data-list-row]") ?? []);
    const activate = (index: number) => {
      const all = rows();
      if (!all.length) return;
      active = Math.max(0, Math.min(all.length - 1, index));
      all.forEach((row, i) => row.setAttribute("data-active", String(i === active)));
      const link = all[active].querySelector<HTMLElement>("a, button");
      link?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (target?.closest("dialog[open]")) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLElement>(searchSelector);
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === "j" || event.key === "k") {
        const current = rows().findIndex((row) => row.contains(document.activeElement));
        const from = current >= 0 ? current : active;
        event.preventDefault();
        activate(event.key === "j" ? from + 1 : from < 0 ? 0 : from - 1);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [searchSelector]);
  return container;
}
