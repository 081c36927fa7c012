import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/connections/list-connections";
import { countByEventType, listDeliveries } from "@/lib/webhooks/delivery-history";
import { filterOf, historyQuerySchema, STATUSES, VERIFICATIONS, type HistoryQuery } from "@/lib/webhooks/history-query";
import { sendTestEventAction } from "./actions";
import { ActionButton } from "./action-button";
import { LiveRefresh } from "@/components/live/live-refresh";
import styles from "./webhooks.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook history" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WebhookHistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = historyQuerySchema.safeParse(raw);
  const query: Partial<HistoryQuery> = parsed.success ? parsed.data : {};
  const [page, counts, connections] = await Promise.all([
    listDeliveries(actor, filterOf(query), { cursor: query.cursor, limit: query.limit ?? 50 }),
    countByEventType(actor, hoursAgo(24)),
    listConnections(actor, { limit: 100 }),
  ]);
  const nextHref = page.nextCursor ? `?${new URLSearchParams({ ...stringsOf(raw), cursor: page.nextCursor })}` : null;

  return (
    <main className={styles.page}>
      <LiveRefresh />
      <h1>Webhook history</h1>
      <p className={styles.hint}>Every delivery K-LINK sent — accepted, duplicate or rejected — newest first. Updates live.</p>

      <section className={styles.section} aria-labelledby="counts">
        <h2 id="counts">Last 24 hours by event type</h2>
        {counts.length === 0 ? (
          <p>No deliveries in the last 24 hours.</p>
        ) : (
          <table className={styles.table} aria-label="Deliveries per event type">
            <thead>
              <tr><th scope="col">Event</th><th scope="col">Total</th><th scope="col">By status</th></tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.eventType ?? "(none)"}>
                  <td>{c.eventType ?? "(none)"}{c.known ? null : <span className={styles.hint}> — not handled by the console</span>}</td>
                  <td>{c.total}</td>
                  <td>{Object.entries(c.byStatus).map(([status, n]) => `${status} ${n}`).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="filters">
        <h2 id="filters">Deliveries</h2>
        {!parsed.success ? <p role="alert" className={styles.error}>Some filters are not valid and were ignored.</p> : null}
        <form method="get" className={styles.form}>
          <label className={styles.field}>
            Connection
            <select name="connection" defaultValue={query.connection ?? ""}>
              <option value="">All</option>
              {connections.data.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            Event type
            <input name="event" defaultValue={query.event ?? ""} placeholder="ticket.update" />
          </label>
          <label className={styles.field}>
            Verification
            <select name="verification" defaultValue={query.verification ?? ""}>
              <option value="">Any</option>
              {VERIFICATIONS.map((v) => <option key={v}>{v}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            Status
            <select name="status" defaultValue={query.status ?? ""}>
              <option value="">Any</option>
              {STATUSES.map((s) => <option key={s}>{s}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            From
            <input name="from" type="datetime-local" defaultValue={raw.from ?? ""} />
          </label>
          <label className={styles.field}>
            To
            <input name="to" type="datetime-local" defaultValue={raw.to ?? ""} />
          </label>
          <button type="submit" className={styles.button}>Filter</button>
        </form>

        <table className={styles.table} aria-label="Deliveries">
          <caption>{page.data.length ? `${page.data.length} deliveries` : "No deliveries match."}</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Event</th>
              <th scope="col">Connection</th>
              <th scope="col">Verification</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((d) => (
              <tr key={d.id}>
                <td><Link href={`/admin/webhooks/${d.id}`}>{d.receivedAt.toISOString().replace("T", " ").slice(0, 23)}</Link></td>
                <td>{d.eventType ?? "—"}</td>
                <td>{connections.data.find((c) => c.id === d.connectionId)?.name ?? d.connectionId}</td>
                <td className={d.verification === "verified" ? undefined : styles.bad}>{d.verification}</td>
                <td>{d.status}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {nextHref ? <p><Link href={nextHref}>Older deliveries →</Link></p> : null}
      </section>

      <section className={styles.section} aria-labelledby="test">
        <h2 id="test">Send a test event</h2>
        <p className={styles.hint}>Posts a signed webhook.test delivery to this console&apos;s own webhook URL, as K-LINK would.</p>
        {connections.data.length === 0 ? (
          <p>No K-LINK connection yet.</p>
        ) : (
          <ActionButton action={sendTestEventAction} label="Send test event" fields={{}}>
            <label className={styles.field}>
              Connection
              <select name="connectionId">
                {connections.data.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
          </ActionButton>
        )}
      </section>
    </main>
  );
}

function hoursAgo(hours: number): Date {
  return new Date(Date.now() - hours * 3_600_000);
}

function stringsOf(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "cursor"));
}
