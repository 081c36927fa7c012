import Link from "next/link";
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { countByEventType, listDeliveries } from "@/lib/webhooks/delivery-history";
import { listFilters, type SearchParams } from "@/lib/console/search-params";
import { filterOf, historyQuerySchema, STATUSES, VERIFICATIONS } from "@/lib/webhooks/history-query";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { DeliveryStatus, Verification } from "@/components/admin/delivery-badges";
import { FilteredList, SelectFilter, TextFilter, TimeRangeFilter } from "@/components/admin/list-filters";
import { sendTestEventAction } from "./actions";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook history" };

export default async function WebhookHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await consolePage("admin");
  const list = listFilters(await searchParams, historyQuerySchema);
  const { query } = list;
  const [page, counts, connections] = await Promise.all([
    query ? listDeliveries(actor, filterOf(query), { cursor: query.cursor, limit: query.limit }) : null,
    countByEventType(actor, hoursAgo(24)),
    listConnections(actor, { limit: 100 }),
  ]);
  const totals = counts.reduce(
    (sum, c) => {
      sum.all += c.total;
      for (const [status, n] of Object.entries(c.byStatus)) sum[status] = (sum[status] ?? 0) + n;
      return sum;
    },
    { all: 0 } as Record<string, number>,
  );
  const nameOf = (id: string) => connections.data.find((c) => c.id === id)?.name ?? id;

  return (
    <>
      <LiveRefresh />
      <PageHeader
        title="Webhook history"
        description="Every delivery K-LINK sent, accepted, duplicate or rejected, newest first. The page updates by itself as deliveries arrive."
      />

      <Section title="Last 24 hours" id="counts">
        <ul className={styles.stats} aria-label="Deliveries in the last 24 hours">
          {[
            ["all", "received"],
            ["processed", "processed"],
            ["failed", "failed processing"],
            ["duplicate", "duplicates"],
            ["rejected", "rejected"],
          ].map(([key, label]) => (
            <li key={key}>
              <strong>{(totals[key] ?? 0).toLocaleString("en")}</strong>
              <span>{label}</span>
            </li>
          ))}
        </ul>
        {counts.length === 0 ? (
          <p className={ui.muted}>No deliveries in the last 24 hours.</p>
        ) : (
          <div className={ui.tableWrap}>
            <table className={ui.table} aria-label="Deliveries per event type">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" className={ui.numeric}>
                    Total
                  </th>
                  <th scope="col">By status</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.eventType ?? "(none)"}>
                    <td>
                      <code>{c.eventType ?? "(none)"}</code>
                      {c.known ? null : <span className={ui.muted}> not handled by the console</span>}
                    </td>
                    <td className={ui.numeric}>{c.total.toLocaleString("en")}</td>
                    <td>
                      {Object.entries(c.byStatus)
                        .map(([status, n]) => `${status} ${n}`)
                        .join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="Deliveries" id="deliveries">
        <FilteredList
          list={list}
          path="/admin/webhooks"
          formLabel="Filter deliveries"
          fields={
            <>
              <SelectFilter
                list={list}
                name="connection"
                label="Connection"
                anyLabel="All"
                choices={connections.data.map((c) => ({ value: c.id, label: c.name }))}
              />
              <TextFilter list={list} name="event" label="Event type" placeholder="e.g. ticket.update" />
              <SelectFilter list={list} name="verification" label="Verification" choices={VERIFICATIONS} />
              <SelectFilter list={list} name="status" label="Status" choices={STATUSES} />
              <TimeRangeFilter list={list} type="datetime-local" />
            </>
          }
          page={page}
          empty={
            <EmptyState title={list.filtered ? "No deliveries match these filters" : "No deliveries yet"}>
              {list.filtered
                ? "Clear a filter to see more."
                : "Deliveries appear here as soon as K-LINK sends them. Send a test event below to check the setup."}
            </EmptyState>
          }
          pagesLabel="Delivery pages"
          noun={["delivery", "deliveries"]}
          tableLabel="Deliveries"
          columns={[
            "Received (UTC)",
            "Event",
            "Connection",
            "Verification",
            "Status",
            { label: "Attempts", numeric: true },
            "Error",
          ]}
          row={(d) => (
            <tr key={d.id}>
              <td className={ui.nowrap}>
                <Link href={`/admin/webhooks/${d.id}`}>
                  {d.receivedAt.toISOString().replace("T", " ").slice(0, 23)}
                </Link>
              </td>
              <td>{d.eventType ? <code>{d.eventType}</code> : "—"}</td>
              <td>{nameOf(d.connectionId)}</td>
              <td>
                <Verification value={d.verification} />
              </td>
              <td>
                <DeliveryStatus status={d.status} />
              </td>
              <td className={ui.numeric}>{d.attempts}</td>
              <td>{d.lastError ?? ""}</td>
            </tr>
          )}
        />
      </Section>

      <Section title="Send a test event" id="test">
        <p className={ui.muted} style={{ marginTop: 0 }}>
          Posts a signed <code>webhook.test</code> delivery to this console&apos;s own webhook URL, as K-LINK would, to
          check the connection&apos;s webhook settings.
        </p>
        {connections.data.length === 0 ? (
          <p>No K-LINK connection yet.</p>
        ) : (
          <ActionForm action={sendTestEventAction} submitLabel="Send test event" className={styles.inlineForm}>
            <Field label="Connection">
              <select name="connectionId">
                {connections.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          </ActionForm>
        )}
      </Section>
    </>
  );
}

function hoursAgo(hours: number): Date {
  return new Date(Date.now() - hours * 3_600_000);
}
