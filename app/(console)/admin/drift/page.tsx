// /admin/drift: where K-LINK's answers differed from what the docs (the endpoint registry)
// describe, per connection, endpoint and JSON path, with first and last sighting and a count.
// The console used every one of those answers as it came; this is for finding out what a tenant
// really sends, and for correcting the registry.
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { listDrift, type DriftRow } from "@/lib/drift/list-drift";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "K-LINK drift" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function difference(row: DriftRow): string {
  if (row.kind === "missing") return `absent; documented: ${row.expected}`;
  if (row.kind === "unknown") return `not documented; sent: ${row.received}`;
  return `sent: ${row.received}; documented: ${row.expected}`;
}

export default async function DriftPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor } = await consolePage("admin");
  const chosen = (await searchParams).connection;
  const connectionId = typeof chosen === "string" && chosen ? chosen.slice(0, 128) : undefined;
  const [rows, connections] = await Promise.all([
    listDrift(actor, { connectionId }),
    listConnections(actor, { limit: 100 }),
  ]);
  const nameOf = (id: string) => connections.data.find((c) => c.id === id)?.name ?? `${id} (deleted)`;
  const endpoints = new Set(rows.map((row) => row.endpoint)).size;

  return (
    <>
      <PageHeader
        title="K-LINK drift"
        description="Where K-LINK's answers differed from its documentation: a field of another type, a documented field missing, or a field the docs do not show. The console used those answers as they came; nothing failed because of them."
      />
      <Section title="Paths that differed" id="drift">
        <form method="get" className={ui.filters} aria-label="Filter drift">
          <Field label="Connection">
            <select name="connection" defaultValue={connectionId ?? ""}>
              <option value="">All</option>
              {connections.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className={buttonClass("primary")}>
            Apply
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title="No drift recorded">
            <p>Every answer K-LINK gave so far looked as its documentation describes it.</p>
          </EmptyState>
        ) : (
          <>
            <p>
              {rows.length.toLocaleString("en")} path{rows.length === 1 ? "" : "s"} on {endpoints} endpoint
              {endpoints === 1 ? "" : "s"}, most recently seen first.
            </p>
            <div className={ui.tableWrap} role="region" aria-label="Drift by path" tabIndex={0}>
              <table className={ui.table} aria-label="Drift by connection, endpoint and path">
                <thead>
                  <tr>
                    <th scope="col">Endpoint and path</th>
                    <th scope="col">Difference</th>
                    <th scope="col" className={ui.numeric}>
                      Answers
                    </th>
                    <th scope="col">First seen</th>
                    <th scope="col">Last seen</th>
                    {connectionId ? null : <th scope="col">Connection</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} data-drift-path={`${row.endpoint} ${row.path}`}>
                      <td>
                        <code>{row.endpoint}</code> <code>{row.path}</code>
                      </td>
                      <td>{difference(row)}</td>
                      <td className={ui.numeric}>{row.count.toLocaleString("en")}</td>
                      <td className={ui.nowrap}>
                        <Timestamp value={row.firstSeenAt.toISOString()} />
                      </td>
                      <td className={ui.nowrap} title={row.lastRequestId ? `request ${row.lastRequestId}` : undefined}>
                        <Timestamp value={row.lastSeenAt.toISOString()} />
                      </td>
                      {connectionId ? null : <td>{nameOf(row.connectionId)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <p className={ui.muted}>
          Each path is counted once per answer, array positions left out (<code>data[].title</code>). The same sightings
          are counted by the metric <code>klink_console_upstream_drift_total</code> and logged, with the request id, the
          first time a server sees them.
        </p>
      </Section>
    </>
  );
}
