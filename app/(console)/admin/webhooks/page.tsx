import Link from "next/link";
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { countByEventType, listDeliveries } from "@/lib/webhooks/delivery-history";
import { listFilters, queryString, type SearchParams } from "@/lib/console/search-params";
import { filterOf, historyQuerySchema, STATUSES, VERIFICATIONS } from "@/lib/webhooks/history-query";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { DeliveryStatus, Verification } from "@/components/admin/delivery-badges";
import { sendTestEventAction } from "./actions";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook history" };

export default async function WebhookHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await consolePage("admin");
  const { values, query, errors } = listFilters(await searchParams, historyQuerySchema);
  const [page, counts, connections] = await Promise.all([
    query ? listDeliveries(actor, filterOf(query), { cursor: query.cursor, limit: query.limit }) : null,
    countByEventType(actor, hoursAgo(24)),
    listConnections(actor, { limit: 100 }),
  ]);
  const { cursor, ...filters } = values;
  const filtered = Object.keys(filters).length > 0;
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
        <form method="get" className={ui.filters} aria-label="Filter deliveries">
          <Field label="Connection" error={errors.connection}>
            <select name="connection" defaultValue={values.connection ?? ""}>
              <option value="">All</option>
              {connections.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Event type" error={errors.event}>
            <input name="event" defaultValue={values.event ?? ""} placeholder="e.g. ticket.update" />
          </Field>
          <Field label="Verification" error={errors.verification}>
            <select name="verification" defaultValue={values.verification ?? ""}>
              <option value="">Any</option>
              {VERIFICATIONS.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </Field>
          <Field label="Status" error={errors.status}>
            <select name="status" defaultValue={values.status ?? ""}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
          <Field label="From (UTC)" error={errors.from}>
            <input name="from" type="datetime-local" defaultValue={values.from ?? ""} />
          </Field>
          <Field label="To (UTC)" error={errors.to}>
            <input name="to" type="datetime-local" defaultValue={values.to ?? ""} />
          </Field>
          <div className={ui.actions}>
            <button type="submit" className={buttonClass("primary")}>
              Filter
            </button>
            {filtered ? (
              <Link className={buttonClass("ghost")} href="/admin/webhooks">
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
          <EmptyState title={filtered ? "No deliveries match these filters" : "No deliveries yet"}>
            {filtered
              ? "Clear a filter to see more."
              : "Deliveries appear here as soon as K-LINK sends them. Send a test event below to check the setup."}
          </EmptyState>
        ) : (
          <div className={ui.tableWrap}>
            <table className={ui.table} aria-label="Deliveries">
              <caption>
                {page.data.length} deliver{page.data.length === 1 ? "y" : "ies"}
                {cursor ? " (older)" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Received (UTC)</th>
                  <th scope="col">Event</th>
                  <th scope="col">Connection</th>
                  <th scope="col">Verification</th>
                  <th scope="col">Status</th>
                  <th scope="col" className={ui.numeric}>
                    Attempts
                  </th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {page.data.map((d) => (
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
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Delivery pages" className={ui.pagination}>
          {cursor ? <Link href={`/admin/webhooks${queryString(filters)}`}>← Newest deliveries</Link> : <span />}
          {page?.nextCursor ? (
            <Link href={`/admin/webhooks${queryString({ ...filters, cursor: page.nextCursor })}`}>
              Older deliveries →
            </Link>
          ) : null}
        </nav>
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
