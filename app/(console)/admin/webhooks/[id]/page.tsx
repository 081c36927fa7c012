import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getDelivery } from "@/lib/webhooks/delivery-history";
import { replayAction } from "../actions";
import { ActionButton } from "../action-button";
import styles from "../webhooks.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook delivery" };

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("admin");
  const delivery = await getDelivery(actor, (await params).id);
  if (!delivery) notFound();
  const replayable = delivery.verification === "verified" && delivery.status !== "rejected" && delivery.status !== "duplicate";

  return (
    <main className={styles.page}>
      <p><Link href="/admin/webhooks">← Webhook history</Link></p>
      <h1>{delivery.eventType ?? "Delivery"} <span className={styles.hint}>{delivery.id}</span></h1>

      <section className={styles.section} aria-labelledby="facts">
        <h2 id="facts">Delivery</h2>
        <dl className={styles.facts}>
          <dt>Received</dt><dd>{delivery.receivedAt.toISOString()}</dd>
          <dt>Connection</dt><dd>{delivery.connectionId}</dd>
          <dt>Event</dt><dd>{delivery.eventType ?? "—"}{delivery.eventType && !delivery.knownEvent ? " (not handled by the console)" : ""}</dd>
          <dt>Event timestamp</dt><dd>{delivery.eventTimestamp ?? "—"}</dd>
          <dt>Verification</dt><dd className={delivery.verification === "verified" ? undefined : styles.bad}>{delivery.verification}</dd>
          <dt>Status</dt><dd>{delivery.status}</dd>
          <dt>Attempts</dt><dd>{delivery.attempts}</dd>
          {delivery.lastError ? (<><dt>Last error</dt><dd>{delivery.lastError}</dd></>) : null}
          {delivery.processedAt ? (<><dt>Processed</dt><dd>{delivery.processedAt.toISOString()}</dd></>) : null}
          {delivery.nextAttemptAt ? (<><dt>Next attempt</dt><dd>{delivery.nextAttemptAt.toISOString()}</dd></>) : null}
          {delivery.duplicateOfId ? (<><dt>Duplicate of</dt><dd><Link href={`/admin/webhooks/${delivery.duplicateOfId}`}>{delivery.duplicateOfId}</Link></dd></>) : null}
          <dt>Size</dt><dd>{delivery.bodySize} bytes</dd>
          <dt>Source IP</dt><dd>{delivery.sourceIp ?? "—"}</dd>
          <dt>Body hash</dt><dd><code>{delivery.dedupeKey ?? "—"}</code></dd>
        </dl>
        {replayable ? (
          <ActionButton action={replayAction} label="Replay (process again)" fields={{ id: delivery.id }} />
        ) : (
          <p className={styles.hint}>Only verified, accepted deliveries can be replayed.</p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="headers">
        <h2 id="headers">Headers</h2>
        <table className={styles.table}>
          <tbody>
            {Object.entries(delivery.headers).map(([name, value]) => (
              <tr key={name}><th scope="row">{name}</th><td>{value}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className={styles.section} aria-labelledby="body">
        <h2 id="body">Body</h2>
        {delivery.body === null ? <p className={styles.hint}>Not kept: only accepted deliveries keep their body.</p> : <pre className={styles.body}>{delivery.body}</pre>}
      </section>
    </main>
  );
}
