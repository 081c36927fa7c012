"use client";
// The ticket table: server-rendered data as SWR's fallback, kept fresh by SWR under the proxy
// URL of the same query (the shell revalidates it when a webhook about a ticket arrives).
// Keyboard: "/" focuses the search, j/k move between rows, Enter opens the focused ticket.
// Agents and admins get a checkbox per row and the bulk status change.
import Link from "next/link";
import { useMemo, useState } from "react";
import useSWR from "swr";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import { useListKeyboard } from "@/components/ui/use-list-keyboard";
import { shownAnswer, type ShownAnswer } from "@/lib/console/normalize/answers";
import { optionLabel, type FormField } from "@/lib/console/ticket-field-model";
import { hasFilters, proxyListUrl, ticketListHref, type TicketListState } from "@/lib/console/ticket-query";
import { sortTicketsOfPage } from "@/lib/console/ticket-sort";
import type { ConsoleApiError } from "@/lib/console/console-api";
import { BulkStatus } from "./bulk-status";
import { SortHeader, SortNote } from "./sort-header";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export type TicketListing = ShownAnswer<"tickets.list">;

export function TicketList({
  state,
  initial,
  fields,
  canWrite,
}: {
  state: TicketListState;
  initial: TicketListing;
  fields: FormField[];
  canWrite: boolean;
}) {
  const key = proxyListUrl(state);
  // Not the shell's keepPreviousData: after a filter change the server's fresh rows must show,
  // not the previous filter's until the first refetch.
  const { data, error, isValidating } = useSWR<unknown, ConsoleApiError>(key, {
    fallbackData: initial,
    keepPreviousData: false,
  });
  // A refetch brings K-LINK's answer as it came: read it as the server did.
  const listing = useMemo(() => shownAnswer("tickets.list", data ?? initial), [data, initial]);
  const rows = useMemo(() => sortTicketsOfPage(listing.data, state.sort, fields), [listing.data, state.sort, fields]);
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key, ids: new Set() });
  // A new query starts with nothing selected; ids that left the page are dropped.
  const selected =
    selection.key === key
      ? new Set([...selection.ids].filter((id) => rows.some((t) => t.id === id)))
      : new Set<string>();
  const keyboard = useListKeyboard<HTMLDivElement>();

  const toggle = (id: string, on: boolean) => {
    const ids = new Set(selected);
    if (on) ids.add(id);
    else ids.delete(id);
    setSelection({ key, ids });
  };
  const allOnPage = rows.length > 0 && rows.every((t) => selected.has(t.id));
  const filterQuery = new URLSearchParams(
    Object.entries(state.filters).filter((e): e is [string, string] => Boolean(e[1])),
  );

  return (
    <div ref={keyboard}>
      {error ? (
        <Notice tone="warn" title="The list could not be refreshed.">
          {error.message} It shows what was loaded before.
        </Notice>
      ) : null}
      {canWrite ? (
        <BulkStatus
          selected={rows
            .filter((t) => selected.has(t.id))
            .map((t) => ({ id: t.id, label: `#${t.ticketNumber ?? "?"} ${t.title ?? ""}`.trim() }))}
          matchingTotal={listing.total}
          filterQuery={filterQuery}
          filtered={hasFilters(state)}
          fields={fields}
          onDone={() => setSelection({ key, ids: new Set() })}
        />
      ) : null}
      <SortNote state={state} fields={fields} />
      {rows.length === 0 ? (
        <div className={ui.tableWrap}>
          <EmptyState
            title={
              hasFilters(state)
                ? "No tickets match these filters"
                : listing.total > 0
                  ? "This page is empty"
                  : "No tickets yet"
            }
          >
            {hasFilters(state) ? (
              <p>
                Try another status, priority or channel, or a shorter search.{" "}
                <Link href={ticketListHref({ ...state, filters: {}, page: 1 })}>Show all tickets</Link>
              </p>
            ) : listing.total > 0 ? (
              <p>
                <Link href={ticketListHref({ ...state, page: 1 })}>Go to the first page</Link>
              </p>
            ) : null}
          </EmptyState>
        </div>
      ) : (
        <div className={ui.tableWrap}>
          <table
            className={`${ui.table} ${styles.ticketTable}`}
            aria-label="Tickets"
            aria-busy={isValidating || undefined}
            aria-describedby="ticket-list-range"
          >
            <thead>
              <tr>
                {canWrite ? (
                  <th scope="col" className={styles.checkCell}>
                    <input
                      type="checkbox"
                      aria-label="Select all tickets on this page"
                      checked={allOnPage}
                      onChange={(event) =>
                        setSelection({ key, ids: event.target.checked ? new Set(rows.map((t) => t.id)) : new Set() })
                      }
                    />
                  </th>
                ) : null}
                <SortHeader state={state} column="number" label="#" />
                <SortHeader state={state} column="title" label="Title" />
                <SortHeader state={state} column="status" label="Status" className={styles.wideCell} />
                <SortHeader state={state} column="priority" label="Priority" className={styles.wideCell} />
                <th scope="col" className={styles.wideCell}>
                  Channel
                </th>
                <th scope="col" className={styles.wideCell}>
                  Contact
                </th>
                <SortHeader state={state} column="updated" label="Updated" className={styles.wideCell} />
              </tr>
            </thead>
            <tbody>
              {rows.map((ticket) => (
                <tr key={ticket.id} data-list-row data-ticket-id={ticket.id}>
                  {canWrite ? (
                    <td className={styles.checkCell}>
                      <input
                        type="checkbox"
                        aria-label={`Select ticket ${ticket.ticketNumber ?? ticket.id}`}
                        checked={selected.has(ticket.id)}
                        onChange={(event) => toggle(ticket.id, event.target.checked)}
                      />
                    </td>
                  ) : null}
                  <td className={`${ui.numeric} ${styles.numberCell}`}>{ticket.ticketNumber ?? "—"}</td>
                  <td className={styles.titleCell}>
                    <Link href={`/tickets/${uriComponent(ticket.id)}`} className={styles.rowLink}>
                      {ticket.title || "(no title)"}
                    </Link>
                    {/* On a phone the other columns fold into this line. */}
                    <div className={styles.rowMeta}>
                      <Badge value={optionLabel(fields, "status", ticket.status)} />
                      <Badge value={optionLabel(fields, "priority", ticket.priority)} />
                      <span>{optionLabel(fields, "channel", ticket.channel)}</span>
                      {ticket.contact?.name ? <span>{ticket.contact.name}</span> : null}
                      <Timestamp value={ticket.updatedAt} />
                    </div>
                  </td>
                  <td className={styles.wideCell}>
                    <Badge value={optionLabel(fields, "status", ticket.status)} label="Status" />
                  </td>
                  <td className={styles.wideCell}>
                    <Badge value={optionLabel(fields, "priority", ticket.priority)} label="Priority" />
                  </td>
                  <td className={`${ui.nowrap} ${styles.wideCell}`}>
                    {optionLabel(fields, "channel", ticket.channel)}
                  </td>
                  <td className={`${styles.contactCell} ${styles.wideCell}`}>
                    {ticket.contactId ? (
                      <Link href={`/contacts/${uriComponent(ticket.contactId)}`}>
                        {ticket.contact?.name || "Contact"}
                      </Link>
                    ) : (
                      <span className={ui.muted}>—</span>
                    )}
                  </td>
                  <td className={`${ui.nowrap} ${styles.wideCell}`}>
                    <Timestamp value={ticket.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div id="ticket-list-range">
        <Pagination
          page={listing.page}
          lastPage={listing.lastPage}
          total={listing.total}
          pageSize={listing.pageSize}
          hrefFor={(page) => ticketListHref(state, { page })}
          label="Ticket pages"
        />
      </div>
    </div>
  );
}
