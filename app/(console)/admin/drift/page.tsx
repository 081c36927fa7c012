// /admin/drift: where K-LINK's answers differed from what the docs (the endpoint registry)
// describe, per connection, endpoint and JSON path, with first and last sighting and a count.
// The console used every one of those answers as it came; this is for finding out what a tenant
// really sends, and for correcting the registry.
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { listFilters, type SearchParams } from "@/lib/console/search-params";
import { driftQuerySchema, listDrift, type DriftRow } from "@/lib/drift/list-drift";
import { FilteredList, SelectFilter } from "@/components/admin/list-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "K-LINK drift" };

function difference(row: DriftRow): string {
  if (row.kind === "missing") return `absent; documented: ${row.expected}`;
  if (row.kind === "unknown") return `not documented; sent: ${row.received}`;
  return `sent: ${row.received}; documented: ${row.expected}`;
}

export default async function DriftPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await consolePage("admin");
  const list = listFilters(await searchParams, driftQuerySchema);
  const connectionId = list.query?.connection;
  const [rows, connections] = await Promise.all([
    list.query ? listDrift(actor, { connectionId }) : null,
    listConnections(actor, { limit: 100 }),
  ]);
  const nameOf = (id: string) => connections.data.find((c) => c.id === id)?.name ?? `${id} (deleted)`;

  return (
    <>
      <PageHeader
        title="K-LINK drift"
        description="Where K-LINK's answers differed from its documentation: a field of another type, a documented field missing, or a field the docs do not show. The console used those answers as they came; nothing failed because of them."
      />
      <Section title="Paths that differed" id="drift">
        <FilteredList
          list={list}
          path="/admin/drift"
          formLabel="Filter drift"
          fields={
            <SelectFilter
              list={list}
              name="connection"
              label="Connection"
              anyLabel="All"
              choices={connections.data.map((c) => ({ value: c.id, label: c.name }))}
            />
          }
          page={rows ? { data: rows, nextCursor: null } : null}
          empty={
            <EmptyState title="No drift recorded">
              <p>Every answer K-LINK gave so far looked as its documentation describes it.</p>
            </EmptyState>
          }
          noun={["path", "paths"]}
          tableLabel="Drift by connection, endpoint and path"
          columns={[
            "Endpoint and path",
            "Difference",
            { label: "Answers", numeric: true },
            "First seen",
            "Last seen",
            ...(connectionId ? [] : ["Connection"]),
          ]}
          row={(row) => (
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
          )}
        />
        <p className={ui.muted}>
          Most recently seen first. Each path is counted once per answer, array positions left out (
          <code>data[].title</code>). The same sightings are counted by the metric{" "}
          <code>klink_console_upstream_drift_total</code> and logged, with the request id, the first time a server sees
          them.
        </p>
      </Section>
    </>
  );
}
