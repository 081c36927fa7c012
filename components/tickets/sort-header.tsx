"use client";
// Sortable column headers of the ticket list and the line that says what the sort does. The
// sort is in the URL like every other list setting, and orders THIS PAGE only: K-LINK's ticket
// listing has no sort parameter (it answers newest first), and reading every page to sort
// thousands of tickets would be slow and hammer K-LINK. The UI says so rather than pretend.
import Link from "next/link";
import { labelOf, type FormField } from "@/lib/console/ticket-field-model";
import { ticketListHref, type SortKey, type TicketListState } from "@/lib/console/ticket-query";
import styles from "./tickets.module.css";

/** The direction a first click sorts by: highest numbers, newest, most urgent first. */
const FIRST_DIRECTION: Record<SortKey, "asc" | "desc"> = {
  number: "desc",
  title: "asc",
  status: "asc",
  priority: "desc",
  updated: "desc",
};
const NAMES: Record<SortKey, string> = {
  number: "number",
  title: "title",
  status: "status",
  priority: "priority",
  updated: "last update",
};

export function SortHeader({
  state,
  column,
  label,
  className,
}: {
  state: TicketListState;
  column: SortKey;
  label: string;
  className?: string;
}) {
  const active = state.sort?.key === column ? state.sort.direction : null;
  const direction = active ? (active === "asc" ? "desc" : "asc") : FIRST_DIRECTION[column];
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : undefined}
    >
      <Link
        href={ticketListHref(state, { sort: { key: column, direction } })}
        className={styles.sortLink}
        scroll={false}
        aria-label={`${label}: sort this page by ${NAMES[column]}, ${direction === "asc" ? "ascending" : "descending"}`}
      >
        {label}
        <span aria-hidden="true" className={styles.sortMark}>
          {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function SortNote({ state, fields }: { state: TicketListState; fields: FormField[] }) {
  const sort = state.sort;
  return (
    <p className={styles.sortNote} aria-live="polite">
      {sort ? (
        <>
          This page is sorted by{" "}
          <strong>
            {sort.key === "number"
              ? "number"
              : sort.key === "updated"
                ? "last update"
                : labelOf(fields, sort.key).toLowerCase()}
          </strong>{" "}
          ({sort.direction === "asc" ? "ascending" : "descending"}). Sorting reorders the tickets on this page only;
          K-LINK lists tickets newest first.{" "}
          <Link href={ticketListHref(state, { sort: null })} scroll={false}>
            Newest first
          </Link>
        </>
      ) : (
        <>Newest first, as K-LINK lists them. Column headings sort the tickets on this page.</>
      )}
    </p>
  );
}
