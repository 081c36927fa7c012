import Link from "next/link";
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { countByEventType, listDeliveries } from "@/lib/webhooks/delivery-history";
import { filterOf, historyQuerySchema, STATUSES, VERIFICATIONS, type HistoryQuery } from "@/lib/webhooks/history-query";
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

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WebhookHistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor } = await consolePage("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = historyQuerySchema.safeParse(raw);
  const query: Partial<HistoryQuery> = parsed.success ? parsed.data : {};
  const [page, counts, connections] = await Promise.all([
    listDeliveries(actor, filterOf(query), { cursor: query.cursor, limit: query.limit ?? 50 }),
    countByEventType(actor, hoursAgo(24)),
    listConnections(actor, { limit: 100 }),
  ]);
  const filters = stringsOf(raw);
  const nextHref = page.nextCursor ? `?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}` : null;
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
        {!parsed.success ? (
          <Notice tone="warn" title="Some filters are not valid and were ignored.">
            <p>Check the time fields: they take a date and a time.</p>
          </Notice>
        ) : null}
        <form method="get" className={ui.filters} aria-label="Filter deliveries">
          <Field label="Connection">
            <select name="connection" defaultValue={query.connection ?? ""}>
              <option value="">All</option>
              {connections.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Event type">
            <input name="event" defaultValue={query.event ?? ""} placeholder="e.g. ticket.update" />
          </Field>
          <Field label="Verification">
            <select name="verification" defaultValue={query.verification ?? ""}>
              <option value="">Any</option>
              {VERIFICATIONS.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </Field>
          <Field label="Status">
            <select name="status" defaultValue={query.status ?? ""}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
          <Field label="From (UTC)">
            <input name="from" type="datetime-local" defaultValue={raw.from ?? ""} />
          </Field>
          <Field label="To (UTC)">
            <input name="to" type="datetime-local" defaultValue={raw.to ?? ""} />
          </Field>
          <div className={ui.actions}>
            <button type="submit" className={buttonClass("primary")}>
              Filter
            </button>
            {Object.keys(filters).length ? (
              <Link className={buttonClass("ghost")} href="/admin/webhooks">
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>

        {page.data.length === 0 ? (
          <EmptyState title={Object.keys(filters).length ? "No deliveries match these filters" : "No deliveries yet"}>
            {Object.keys(filters).length
              ? "Clear a filter to see more."
              : "Deliveries appear here as soon as K-LINK sends them. Send a test event below to check the setup."}
          </EmptyState>
        ) : (
          <div className={ui.tableWrap}>
            <table className={ui.table} aria-label="Deliveries">
              <caption>
                {page.data.length} deliver{page.data.length === 1 ? "y" : "ies"}
                {raw.cursor ? " (older)" : ""}
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
          {raw.cursor ? <Link href={`?${new URLSearchParams(filters)}`}>← Newest deliveries</Link> : <span />}
          {nextHref ? <Link href={nextHref}>Older deliveries →</Link> : null}
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

function stringsOf(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "cursor",
    ),
  );
}
