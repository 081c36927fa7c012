// What the admin lists filtered by their URL share (the audit log, the webhook history, K-LINK
// drift): the filter form with its buttons, a select of fixed choices and a time range, the
// notice for filters that are not valid, and the links between cursor pages. The filters
// themselves come from lib/console/search-params.ts.
import Link from "next/link";
import type { ReactNode } from "react";
import { queryString, type ListFilters } from "@/lib/console/search-params";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";

type Choice = string | { value: string; label: string };

/** A filter's value as the URL has it, and its errors: what each field of the form shows. */
type FilterField = { list: ListFilters<unknown>; name: string; label: string };

export function TextFilter({ list, name, label, placeholder }: FilterField & { placeholder?: string }) {
  return (
    <Field label={label} error={list.errors[name]}>
      <input name={name} defaultValue={list.values[name] ?? ""} placeholder={placeholder} />
    </Field>
  );
}

export function SelectFilter({
  list,
  name,
  label,
  anyLabel = "Any",
  choices,
}: FilterField & { anyLabel?: string; choices: readonly Choice[] }) {
  return (
    <Field label={label} error={list.errors[name]}>
      <select name={name} defaultValue={list.values[name] ?? ""}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => {
          const { value, label: text } = typeof choice === "string" ? { value: choice, label: choice } : choice;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

/** `from` and `to`: dates (the audit log) or UTC date-times (the webhook history). */
export function TimeRangeFilter({ list, type }: { list: ListFilters<unknown>; type: "date" | "datetime-local" }) {
  const zone = type === "date" ? "" : " (UTC)";
  return (
    <>
      <Field label={`From${zone}`} error={list.errors.from}>
        <input name="from" type={type} defaultValue={list.values.from ?? ""} />
      </Field>
      <Field label={`To${zone}`} error={list.errors.to}>
        <input name="to" type={type} defaultValue={list.values.to ?? ""} />
      </Field>
    </>
  );
}

type Page<T> = { data: T[]; nextCursor: string | null };
type Column = string | { label: string; numeric: true };

/** The filter form, then the page's rows in a table, or why there are none, then its page links. */
export function FilteredList<T>({
  list,
  path,
  formLabel,
  fields,
  page,
  empty,
  pagesLabel,
  noun,
  tableLabel,
  columns,
  row,
}: {
  list: ListFilters<unknown>;
  path: string;
  formLabel: string;
  fields: ReactNode;
  /** null when some filter is not valid. */
  page: Page<T> | null;
  empty: ReactNode;
  /** The page links' name; absent for a list that is shown whole (no cursor pages). */
  pagesLabel?: string;
  /** e.g. ["record", "records"]: "2 records", "Older records →". */
  noun: [string, string];
  /** The table's accessible name when it is not its caption. */
  tableLabel?: string;
  columns: Column[];
  row: (item: T) => ReactNode;
}) {
  return (
    <>
      <form className={ui.filters} method="get" aria-label={formLabel}>
        {fields}
        <FilterActions filtered={list.filtered} clearHref={path} />
      </form>
      {!page ? (
        <InvalidFiltersNotice />
      ) : page.data.length === 0 ? (
        empty
      ) : (
        // Wide: the frame scrolls sideways, so it takes the keyboard focus to be scrolled with arrow keys.
        <div className={ui.tableWrap} role="region" aria-label={tableLabel ?? capitalized(noun[1])} tabIndex={0}>
          <table className={ui.table} aria-label={tableLabel}>
            <caption>
              {page.data.length} {page.data.length === 1 ? noun[0] : noun[1]}
              {list.cursor ? " (older)" : ""}
            </caption>
            <thead>
              <tr>
                {columns.map((column) =>
                  typeof column === "string" ? (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ) : (
                    <th key={column.label} scope="col" className={ui.numeric}>
                      {column.label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>{page.data.map(row)}</tbody>
          </table>
        </div>
      )}
      {page && pagesLabel ? (
        <CursorPages
          label={pagesLabel}
          path={path}
          filters={list.filters}
          cursor={list.cursor}
          nextCursor={page.nextCursor}
          things={noun[1]}
        />
      ) : null}
    </>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function FilterActions({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <div className={ui.actions}>
      <button className={buttonClass("primary")} type="submit">
        Filter
      </button>
      {filtered ? (
        <Link className={buttonClass("ghost")} href={clearHref}>
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}

function InvalidFiltersNotice() {
  return (
    <Notice tone="error" title="Some filters are not valid.">
      <p>Correct the fields marked above and filter again.</p>
    </Notice>
  );
}

/** Newest first: "newest" goes back to the first page, "older" to the page after this one. */
function CursorPages({
  label,
  path,
  filters,
  cursor,
  nextCursor,
  things,
}: {
  label: string;
  path: string;
  filters: Record<string, string>;
  cursor: string | undefined;
  nextCursor: string | null | undefined;
  /** e.g. "records": "← Newest records", "Older records →". */
  things: string;
}) {
  return (
    <nav aria-label={label} className={ui.pagination}>
      {cursor ? <Link href={`${path}${queryString(filters)}`}>← Newest {things}</Link> : <span />}
      {nextCursor ? (
        <Link href={`${path}${queryString({ ...filters, cursor: nextCursor })}`}>Older {things} →</Link>
      ) : null}
    </nav>
  );
}
