import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listAuditForAdmin } from "@/lib/audit/admin-audit";
import { AUDIT_OUTCOMES, auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { listConnections } from "@/lib/connections/list-connections";
import { listFilters, queryString, type SearchParams } from "@/lib/console/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { AuditRow } from "@/components/admin/audit-row";
import { FilteredList, SelectFilter, TextFilter, TimeRangeFilter } from "@/components/admin/list-filters";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const TEXT_FILTERS = [
  { name: "actor", label: "Actor", placeholder: "e-mail or user id" },
  { name: "action", label: "Action", placeholder: "e.g. ticket.update_status" },
  { name: "target", label: "Target id" },
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await consolePage("admin");
  const list = listFilters(await searchParams, auditQuerySchema);
  const { query } = list;
  const connection = list.values.connection;
  const [page, connections] = await Promise.all([
    query ? listAuditForAdmin(actor, auditFilterOf(query), { cursor: query.cursor, limit: query.limit }) : null,
    listConnections(actor, { limit: 200 }),
  ]);
  const nameOf = new Map(connections.data.map((c) => [c.id, c.name]));

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through the console, and every refused attempt. Newest first; times in UTC."
        actions={
          <a className={buttonClass("secondary")} href={`/api/admin/audit/export${queryString(list.filters)}`} download>
            Export CSV
          </a>
        }
      />
      <FilteredList
        list={list}
        path="/admin/audit"
        formLabel="Filter the audit log"
        fields={
          <>
            {TEXT_FILTERS.map((f) => (
              <TextFilter key={f.name} list={list} {...f} />
            ))}
            <SelectFilter
              list={list}
              name="connection"
              label="Connection"
              choices={[
                ...connections.data.map((c) => ({ value: c.id, label: c.name })),
                // A connection deleted since: its records stay, and so does the filter.
                ...(connection && !nameOf.has(connection) ? [connection] : []),
              ]}
            />
            <SelectFilter list={list} name="outcome" label="Outcome" choices={AUDIT_OUTCOMES} />
            <TimeRangeFilter list={list} type="date" />
          </>
        }
        page={page}
        empty={
          <div className={ui.section}>
            <EmptyState title={list.filtered ? "No records match these filters" : "No audit records yet"}>
              {list.filtered
                ? "Widen the time range or clear a filter."
                : "Changes made through the console appear here."}
            </EmptyState>
          </div>
        }
        pagesLabel="Audit pages"
        noun={["record", "records"]}
        columns={["When (UTC)", "Actor", "Action", "Target", "Outcome", "Status", "Details"]}
        row={(row) => (
          <AuditRow
            key={row.id}
            row={row}
            connectionName={row.connectionId ? nameOf.get(row.connectionId) : undefined}
          />
        )}
      />
    </>
  );
}
