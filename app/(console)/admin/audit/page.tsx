import type { Metadata } from "next";
import Link from "next/link";
import { consolePage } from "@/lib/doors/console-page";
import { listAuditForAdmin } from "@/lib/audit/admin-audit";
import { AUDIT_OUTCOMES, auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { listConnections } from "@/lib/connections/list-connections";
import { listFilters, queryString, type SearchParams } from "@/lib/console/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { AuditRow } from "@/components/admin/audit-row";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const TEXT_FILTERS = [
  { name: "actor", label: "Actor", placeholder: "e-mail or user id" },
  { name: "action", label: "Action", placeholder: "e.g. ticket.update_status" },
  { name: "target", label: "Target id", placeholder: "" },
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await consolePage("admin");
  const { values, query, errors } = listFilters(await searchParams, auditQuerySchema);
  const [page, connections] = await Promise.all([
    query ? listAuditForAdmin(actor, auditFilterOf(query), { cursor: query.cursor, limit: query.limit }) : null,
    listConnections(actor, { limit: 200 }),
  ]);
  const nameOf = new Map(connections.data.map((c) => [c.id, c.name]));
  const { cursor, ...filters } = values;
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through the console, and every refused attempt. Newest first; times in UTC."
        actions={
          <a className={buttonClass("secondary")} href={`/api/admin/audit/export${queryString(filters)}`} download>
            Export CSV
          </a>
        }
      />
      <form className={ui.filters} method="get" aria-label="Filter the audit log">
        {TEXT_FILTERS.map((f) => (
          <Field key={f.name} label={f.label} error={errors[f.name]}>
            <input name={f.name} defaultValue={values[f.name] ?? ""} placeholder={f.placeholder || undefined} />
          </Field>
        ))}
        <Field label="Connection" error={errors.connection}>
          <select name="connection" defaultValue={values.connection ?? ""}>
            <option value="">Any</option>
            {connections.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            {values.connection && !nameOf.has(values.connection) ? (
              <option value={values.connection}>{values.connection}</option>
            ) : null}
          </select>
        </Field>
        <Field label="Outcome" error={errors.outcome}>
          <select name="outcome" defaultValue={values.outcome ?? ""}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </Field>
        <Field label="From" error={errors.from}>
          <input name="from" type="date" defaultValue={values.from ?? ""} />
        </Field>
        <Field label="To" error={errors.to}>
          <input name="to" type="date" defaultValue={values.to ?? ""} />
        </Field>
        <div className={ui.actions}>
          <button className={buttonClass("primary")} type="submit">
            Filter
          </button>
          {filtered ? (
            <Link className={buttonClass("ghost")} href="/admin/audit">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
      {!page ? (
        <Notice tone="error" title="Some filters are not valid.">
          <p>Correct the fields marked above and filter again.</p>
        </Notice>
      ) : page.data.length === 0 ? (
        <div className={ui.section}>
          <EmptyState title={filtered ? "No records match these filters" : "No audit records yet"}>
            {filtered ? "Widen the time range or clear a filter." : "Changes made through the console appear here."}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <caption>
                {page.data.length} record{page.data.length === 1 ? "" : "s"}
                {cursor ? " (older)" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Status</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {page.data.map((row) => (
                  <AuditRow
                    key={row.id}
                    row={row}
                    connectionName={row.connectionId ? nameOf.get(row.connectionId) : undefined}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Audit pages" className={ui.pagination}>
            {cursor ? <Link href={`/admin/audit${queryString(filters)}`}>← Newest records</Link> : <span />}
            {page.nextCursor ? (
              <Link href={`/admin/audit${queryString({ ...filters, cursor: page.nextCursor })}`}>Older records →</Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
