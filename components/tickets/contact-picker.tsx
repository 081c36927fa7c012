"use client";
// Chooses a ticket's contact by searching K-LINK's contacts (SWR against the proxy's contact
// listing, keyword search). An ARIA combobox: type to search, ↓/↑ to move through the results,
// Enter to choose, Escape to close; the chosen contact shows as a card with "Change".
import { useEffect, useId, useRef, useState } from "react";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { emailsOf } from "@/lib/console/contact-details";
import { shownAnswer } from "@/lib/console/normalize/answers";
import type { Contact } from "@/lib/console/normalize/contact";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

export type PickedContact = { id: string; name: string; detail?: string };

const RESULTS = 8;

function detailOf(contact: Contact): string | undefined {
  return [emailsOf(contact)[0], contact.contactNumber].filter(Boolean).join(" · ") || undefined;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function ContactPicker({
  value,
  onChange,
  error,
  required,
}: {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  error?: string[];
  required?: boolean;
}) {
  const id = useId();
  const inputId = `${id}-search`;
  const listId = `${id}-results`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const keyword = useDebounced(query.trim(), 250);
  const key = open
    ? `/api/klink/v1/contacts?${new URLSearchParams({ ...(keyword ? { keyword } : {}), pageSize: String(RESULTS) })}`
    : null;
  const { data: answer, error: searchError, isLoading } = useSWR<unknown>(key);
  const data = answer === undefined ? undefined : shownAnswer("contacts.list", answer);
  const results = (data?.data ?? [])
    .filter((c) => c.id)
    .map((c) => ({ id: c.id, name: c.name || "Unnamed contact", detail: detailOf(c) }));
  const describedBy = [`${id}-hint`, error?.length ? errorId : null].filter(Boolean).join(" ");

  const choose = (contact: PickedContact) => {
    onChange(contact);
    setOpen(false);
    setQuery("");
  };

  return (
    <div className={ui.field}>
      <label htmlFor={inputId} id={`${id}-label`}>
        Contact
        {required ? (
          <span className={ui.required} aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {value ? (
        <div className={styles.pickedContact}>
          <div>
            <strong data-testid="picked-contact">{value.name}</strong>
            {value.detail ? <div className={ui.muted}>{value.detail}</div> : null}
          </div>
          <Button
            size="small"
            onClick={() => {
              onChange(null);
              setOpen(true);
              requestAnimationFrame(() => input.current?.focus());
            }}
            aria-label={`Change contact (now ${value.name})`}
          >
            Change
          </Button>
        </div>
      ) : (
        <div className={styles.combobox}>
          <input
            ref={input}
            id={inputId}
            type="search"
            role="combobox"
            autoComplete="off"
            placeholder="Search by name, e-mail or phone"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={error?.length ? true : undefined}
            aria-required={required || undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setOpen(true);
                setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              } else if (event.key === "Enter") {
                // Enter chooses the highlighted contact instead of submitting the form.
                event.preventDefault();
                if (open && results[active]) choose(results[active]);
              } else if (event.key === "Escape") {
                setOpen(false);
              }
            }}
          />
          {open ? (
            <ul id={listId} role="listbox" aria-labelledby={`${id}-label`} className={styles.listbox}>
              {results.map((contact, index) => (
                <li
                  key={contact.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={styles.option}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(contact);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className={styles.optionName}>{contact.name}</span>
                  {contact.detail ? <span className={styles.optionDetail}>{contact.detail}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <span id={`${id}-hint`} className={ui.fieldHint} aria-live="polite">
        {value
          ? "The ticket will belong to this contact."
          : !open
            ? "Type to search K-LINK's contacts; ↓ and Enter choose."
            : searchError
              ? `The search failed: ${(searchError as Error).message}`
              : isLoading
                ? "Searching…"
                : data
                  ? results.length
                    ? `${data.total.toLocaleString("en")} contact${data.total === 1 ? "" : "s"} found` +
                      (data.total > RESULTS ? `; showing the first ${RESULTS}, type more to narrow.` : ".")
                    : "No contact matches."
                  : "Type to search K-LINK's contacts."}
      </span>
      {error?.length ? (
        <p id={errorId} className={ui.fieldError}>
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
