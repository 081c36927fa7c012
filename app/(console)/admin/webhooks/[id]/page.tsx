import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { consolePage } from "@/lib/doors/console-page";
import { getDelivery } from "@/lib/webhooks/delivery-history";
import { forwardsOfDelivery } from "@/lib/forwarding/message-history";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { DeliveryStatus, Verification } from "@/components/admin/delivery-badges";
import { replayAction } from "../actions";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook delivery" };

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await consolePage("admin");
  const delivery = await getDelivery(actor, (await params).id);
  if (!delivery) notFound();
  const forwards = await forwardsOfDelivery(actor, delivery.id);
  const replayable =
    delivery.verification === "verified" && delivery.status !== "rejected" && delivery.status !== "duplicate";
  const facts: [string, ReactNode][] = [
    ["Received", delivery.receivedAt.toISOString()],
    ["Connection", delivery.connectionId],
    [
      "Event",
      <>
        {delivery.eventType ?? "—"}
        {delivery.eventType && !delivery.knownEvent ? " (not handled by the console)" : ""}
      </>,
    ],
    ["Event timestamp", delivery.eventTimestamp ?? "—"],
    ["Verification", <Verification key="v" value={delivery.verification} />],
    ["Status", <DeliveryStatus key="s" status={delivery.status} />],
    ["Attempts", delivery.attempts],
    ...(delivery.lastError ? [["Last error", delivery.lastError] as [string, ReactNode]] : []),
    ...(delivery.processedAt ? [["Processed", delivery.processedAt.toISOString()] as [string, ReactNode]] : []),
    ...(delivery.nextAttemptAt ? [["Next attempt", delivery.nextAttemptAt.toISOString()] as [string, ReactNode]] : []),
    ...(delivery.duplicateOfId
      ? [
          [
            "Duplicate of",
            <Link key="d" href={`/admin/webhooks/${delivery.duplicateOfId}`}>
              {delivery.duplicateOfId}
            </Link>,
          ] as [string, ReactNode],
        ]
      : []),
    ["Size", `${delivery.bodySize} bytes`],
    ["Source IP", delivery.sourceIp ?? "—"],
    ["Body hash", <code key="h">{delivery.dedupeKey ?? "—"}</code>],
  ];

  return (
    <>
      <p style={{ margin: "0 0 0.5rem" }}>
        <Link href="/admin/webhooks">← Webhook history</Link>
      </p>
      <PageHeader
        title={delivery.eventType ?? "Delivery"}
        description={
          <>
            Delivery <code>{delivery.id}</code>
          </>
        }
      />
      <Section title="Delivery" id="facts">
        <dl className={ui.dl}>
          {facts.map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div style={{ marginTop: "1rem" }}>
          {replayable ? (
            <ActionForm
              action={replayAction}
              submitLabel="Replay (process again)"
              variant="secondary"
              className={ui.actions}
            >
              <input type="hidden" name="id" value={delivery.id} />
            </ActionForm>
          ) : (
            <p className={ui.muted}>Only verified, accepted deliveries can be replayed.</p>
          )}
        </div>
      </Section>
      <Section title="Forwarded to" id="forwarded">
        {forwards.length === 0 ? (
          <p className={ui.muted}>Not forwarded: no enabled destination wanted this event.</p>
        ) : (
          <ul aria-label="Forwarded to">
            {forwards.map((f) => (
              <li key={f.id}>
                <Link href={`/admin/destinations/${f.destinationId}`}>{f.destinationName}</Link>: {f.status} after{" "}
                {f.attempts} attempt{f.attempts === 1 ? "" : "s"}
                {f.lastStatus ? ` (last answer ${f.lastStatus})` : ""} — <code>{f.id}</code>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Headers" id="headers">
        <div className={ui.tableWrap}>
          <table className={ui.table} aria-label="Headers">
            <tbody>
              {Object.entries(delivery.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td style={{ overflowWrap: "anywhere" }}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Body" id="body">
        {delivery.body === null ? (
          <p className={ui.muted}>Not kept: only accepted deliveries keep their body.</p>
        ) : (
          <pre className={styles.json} tabIndex={0} aria-label="Delivery body">
            {delivery.body}
          </pre>
        )}
      </Section>
    </>
  );
}
