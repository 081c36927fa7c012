import Link from "next/link";
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listDestinations } from "@/lib/forwarding/manage-destinations";
import { pendingByDestination } from "@/lib/forwarding/forwarding-metrics";
import type { PublicDestination } from "@/lib/forwarding/public-destination";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { ActionField } from "@/components/admin/action-field";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { SecretOnceForm } from "@/components/admin/secret-once-form";
import {
  createDestinationAction,
  deleteDestinationAction,
  rotateSecretAction,
  sendTestToDestinationAction,
  setDestinationEnabledAction,
  updateDestinationAction,
} from "./actions";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forwarding destinations" };

function DestinationCard({ d, backlog }: { d: PublicDestination; backlog: number }) {
  const headingId = `destination-${d.id}`;
  return (
    <section className={ui.section} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <h2 id={headingId}>
          {d.name}{" "}
          <span className={`${ui.badge} ${ui[d.enabled ? "tone-green" : "tone-red"]}`}>
            {d.enabled ? "enabled" : "disabled"}
          </span>
        </h2>
        <Link href={`/admin/destinations/${d.id}`}>Messages and attempts</Link>
      </div>
      {d.disabledReason ? (
        <div className={`${ui.notice} ${ui["notice-error"]}`} role="status">
          <p>Disabled by the console: {d.disabledReason}</p>
        </div>
      ) : null}
      <dl className={ui.dl}>
        <dt>URL</dt>
        <dd>
          <code>{d.url}</code>
        </dd>
        <dt>Events</dt>
        <dd>{d.eventTypes ? d.eventTypes.join(", ") : "All events"}</dd>
        <dt>Connections</dt>
        <dd>{d.connectionIds ? d.connectionIds.join(", ") : "All connections"}</dd>
        <dt>Signing secret</dt>
        <dd>
          <code>{d.signingSecretHint}</code>
          {d.previousSecretValidUntil ? (
            <>
              {" "}
              (the previous secret also signs until <Timestamp value={d.previousSecretValidUntil} />)
            </>
          ) : null}
        </dd>
        <dt>Static header</dt>
        <dd>{d.header ? `${d.header.name} (value stored encrypted)` : "None"}</dd>
        <dt>Limits</dt>
        <dd>
          {d.rateLimitPerSecond} per second; timeout {d.timeoutMs / 1000} s
        </dd>
        <dt>Waiting</dt>
        <dd>
          {backlog} message{backlog === 1 ? "" : "s"}
        </dd>
        {d.failingSince ? (
          <>
            <dt>Failing since</dt>
            <dd>
              <Timestamp value={d.failingSince} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className={ui.actions} style={{ marginTop: "0.75rem", flexWrap: "wrap" }}>
        <ActionForm
          action={sendTestToDestinationAction}
          submitLabel={`Send test event to ${d.name}`}
          variant="secondary"
          className={ui.actions}
        >
          <input type="hidden" name="id" value={d.id} />
        </ActionForm>
        <ActionForm
          action={setDestinationEnabledAction}
          submitLabel={d.enabled ? `Disable ${d.name}` : `Enable ${d.name}`}
          variant="secondary"
          className={ui.actions}
        >
          <input type="hidden" name="id" value={d.id} />
          {d.enabled ? null : <input type="hidden" name="enable" value="on" />}
        </ActionForm>
      </div>
      <details className={styles.disclosure}>
        <summary>Edit {d.name}</summary>
        <ActionForm action={updateDestinationAction} submitLabel="Save changes">
          <input type="hidden" name="id" value={d.id} />
          <DestinationFields d={d} />
        </ActionForm>
      </details>
      <details className={styles.disclosure}>
        <summary>Rotate the signing secret of {d.name}</summary>
        <p className={ui.fieldHint}>
          A new secret signs from now on; the current one keeps signing too for 24 hours, so the receiver can switch
          without losing events.
        </p>
        <SecretOnceForm action={rotateSecretAction} submitLabel="Rotate secret" variant="secondary">
          <input type="hidden" name="id" value={d.id} />
        </SecretOnceForm>
      </details>
      <div className={styles.disclosure}>
        <ConfirmAction
          action={deleteDestinationAction}
          fields={{ id: d.id }}
          trigger={`Delete ${d.name}`}
          title={`Delete the destination ${d.name}?`}
          confirmLabel="Delete destination"
        >
          <p>Events are no longer forwarded to it, and its message history is deleted.</p>
        </ConfirmAction>
      </div>
    </section>
  );
}

function DestinationFields({ d }: { d?: PublicDestination }) {
  return (
    <>
      <div className={ui.formRow}>
        <ActionField label="Name" required={!d}>
          <input name="name" defaultValue={d?.name} autoComplete="off" />
        </ActionField>
        <ActionField label="URL" required={!d} hint="https:// only; private and internal addresses are refused.">
          <input name="url" defaultValue={d?.url} autoComplete="off" placeholder="https://hooks.example.com/klink" />
        </ActionField>
        <ActionField label="Event types" hint="Empty: all events. Or e.g. ticket.*, contact.create">
          <input name="eventTypes" defaultValue={d?.eventTypes?.join(", ")} autoComplete="off" />
        </ActionField>
      </div>
      <div className={ui.formRow}>
        <ActionField label="Static header name" hint="Optional, e.g. X-Api-Key." errorKey="header.name">
          <input name="headerName" defaultValue={d?.header?.name} autoComplete="off" />
        </ActionField>
        <ActionField
          label="Static header value"
          hint={d?.header ? "Leave empty to keep the stored value." : "Stored encrypted."}
          errorKey="header.value"
        >
          <input name="headerValue" type="password" autoComplete="new-password" />
        </ActionField>
        <ActionField label="Messages per second">
          <input
            name="rateLimitPerSecond"
            type="number"
            min={1}
            max={1000}
            defaultValue={d?.rateLimitPerSecond ?? 10}
          />
        </ActionField>
        <ActionField label="Timeout (ms)">
          <input name="timeoutMs" type="number" min={1000} max={30000} defaultValue={d?.timeoutMs ?? 10000} />
        </ActionField>
      </div>
    </>
  );
}

export default async function DestinationsPage() {
  const { actor } = await consolePage("admin");
  const [{ data: destinations }, pending] = await Promise.all([
    listDestinations(actor, { limit: 200 }),
    pendingByDestination(),
  ]);
  const backlog = new Map(pending.map((p) => [p.destinationId, p.count]));
  return (
    <>
      <PageHeader
        title="Forwarding destinations"
        description="The team's other systems that receive K-LINK's events from the console, signed in the Standard Webhooks format, retried until acknowledged."
      />
      {destinations.length === 0 ? (
        <Section>
          <EmptyState title="No destination yet">
            Add a receiver below: a CRM, a data warehouse loader, a chat bot. It gets every event K-LINK sends the
            console that matches its filters.
          </EmptyState>
        </Section>
      ) : (
        destinations.map((d) => <DestinationCard key={d.id} d={d} backlog={backlog.get(d.id) ?? 0} />)
      )}
      <Section title="Add a destination" id="add">
        <SecretOnceForm action={createDestinationAction} submitLabel="Add destination">
          <DestinationFields />
        </SecretOnceForm>
      </Section>
    </>
  );
}
