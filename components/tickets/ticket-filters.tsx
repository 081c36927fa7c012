"use client";
// The ticket list's filters. Everything lives in the URL: submitting pushes /tickets?… (soft
// navigation, no reload), so a filtered list can be shared and the back button restores the
// previous filter. Options come from the tenant's ticket form fields; a value in the URL that
// the tenant does not offer is kept as an option, so the form always shows what is applied.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { optionsWith, type FieldOption } from "@/lib/console/ticket-field-model";
import {
  hasFilters,
  PAGE_SIZES,
  ticketListHref,
  type FilterKey,
  type TicketListState,
} from "@/lib/console/ticket-query";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

export type FilterOptions = Record<"status" | "priority" | "channel", FieldOption[]>;

const SELECTS: { key: Exclude<FilterKey, "keyword">; label: string; any: string }[] = [
  { key: "status", label: "Status", any: "Any status" },
  { key: "priority", label: "Priority", any: "Any priority" },
  { key: "channel", label: "Channel", any: "Any channel" },
];

export function TicketFilters({
  state,
  options,
  optionsMissing,
}: {
  state: TicketListState;
  options: FilterOptions;
  optionsMissing: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Remounting on every applied state puts the inputs back in step after back/forward.
  const formKey = ticketListHref({ ...state, sort: null, page: 1 });
  return (
    <form
      key={formKey}
      role="search"
      aria-label="Filter tickets"
      className={styles.filters}
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const filters: TicketListState["filters"] = {};
        for (const key of ["keyword", ...SELECTS.map((s) => s.key)] as FilterKey[]) {
          const value = String(data.get(key) ?? "").trim();
          if (value) filters[key] = value;
        }
        const href = ticketListHref({
          ...state,
          filters,
          pageSize: Number(data.get("pageSize")) || state.pageSize,
          page: 1,
        });
        startTransition(() => router.push(href));
      }}
    >
      <div className={`${ui.field} ${styles.keywordField}`}>
        <label htmlFor="ticket-keyword">Search</label>
        <input
          id="ticket-keyword"
          name="keyword"
          type="search"
          defaultValue={state.filters.keyword ?? ""}
          placeholder="Title, description or number"
          data-list-search
          aria-describedby="ticket-keyword-hint"
          autoComplete="off"
        />
        <span id="ticket-keyword-hint" className={ui.fieldHint}>
          Press <kbd>/</kbd> to search, <kbd>Enter</kbd> to apply
        </span>
      </div>
      {SELECTS.map(({ key, label, any }) => (
        <div className={ui.field} key={key}>
          <label htmlFor={`ticket-${key}`}>{label}</label>
          <select
            id={`ticket-${key}`}
            name={key}
            defaultValue={state.filters[key] ?? ""}
            disabled={optionsMissing && !state.filters[key]}
          >
            <option value="">{any}</option>
            {optionsWith(options[key], state.filters[key]).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className={ui.field}>
        <label htmlFor="ticket-page-size">Per page</label>
        <select id="ticket-page-size" name="pageSize" defaultValue={String(state.pageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filterActions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Applying…" : "Apply"}
        </Button>
        {hasFilters(state) ? (
          <Link href={ticketListHref({ ...state, filters: {}, page: 1 })} className={styles.clearLink}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
