import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listConnections } from "@/lib/connections/list-connections";
import { DEFAULT_KLINK_BASE_URL } from "@/lib/connections/base-url";
import type { PublicConnection } from "@/lib/connections/public-connection";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { ActionField } from "@/components/admin/action-field";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ConnectionTestForm } from "@/components/admin/connection-test-form";
import { CopyButton } from "@/components/admin/copy-button";
import { WebhookFields } from "@/components/admin/webhook-fields";
import { sendTestEventAction } from "../webhooks/actions";
import {
  createConnectionAction,
  deleteConnectionAction,
  testConnectionAction,
  updateConnectionAction,
} from "./actions";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "K-LINK connections" };

function webhookSummary(webhook: PublicConnection["webhook"]): string {
  switch (webhook.mode) {
    case "hmac": {
      const secret = webhook.secretLast4 ? ` ending …${webhook.secretLast4}` : " (set)";
      const previous = webhook.previousSecretSet ? "; the previous secret is still accepted" : "";
      return `Signed with a secret${webhook.secretSet ? secret : ": no secret set yet"}${previous}`;
    }
    case "basic":
      return `Basic authentication as ${webhook.username ?? "?"}; password ${webhook.passwordSet ? "set" : "not set"}`;
    case "header":
      return `Secret header ${webhook.headerName ?? "?"}; value ${webhook.headerValueSet ? "set" : "not set"}`;
    default:
      return "No verification";
  }
}

function ConnectionCard({ c }: { c: PublicConnection }) {
  const headingId = `connection-${c.id}`;
  return (
    <section className={ui.section} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <h2 id={headingId}>
          {c.name}
          {c.isDefault ? <span className={`${ui.badge} ${ui["tone-blue"]}`}>default</span> : null}
        </h2>
        <ConnectionTestForm action={testConnectionAction} id={c.id} name={c.name} />
      </div>
      <dl className={ui.dl}>
        <dt>Base URL</dt>
        <dd>{c.baseUrl}</dd>
        <dt>API token</dt>
        <dd>
          <code>{c.tokenHint}</code>{" "}
          <span className={ui.muted}>(stored encrypted; it can be replaced, never read back)</span>
        </dd>
        <dt>Webhooks</dt>
        <dd>{webhookSummary(c.webhook)}</dd>
        <dt>Updated</dt>
        <dd>
          <Timestamp value={c.updatedAt} />
        </dd>
      </dl>
      <div style={{ marginTop: "1rem" }}>
        <p className={ui.fieldLabel} style={{ margin: "0 0 0.35rem" }} id={`${headingId}-url`}>
          Webhook URL to paste into K-LINK
        </p>
        <div className={styles.urlRow}>
          <code className={styles.url} aria-labelledby={`${headingId}-url`} data-testid="webhook-url">
            {c.webhook.url}
          </code>
          <CopyButton value={c.webhook.url} label="Copy URL" />
        </div>
        <p className={ui.fieldHint} style={{ margin: "0.35rem 0 0" }}>
          In K-LINK, add a webhook with this URL{c.webhook.mode === "hmac" ? " and the same signing secret" : ""}. Then
          send a test event to check the console accepts it.
        </p>
        <div style={{ marginTop: "0.6rem" }}>
          <ActionForm
            action={sendTestEventAction}
            submitLabel={`Send test event to ${c.name}`}
            variant="secondary"
            className={ui.actions}
          >
            <input type="hidden" name="connectionId" value={c.id} />
          </ActionForm>
        </div>
      </div>
      <details className={styles.disclosure}>
        <summary>Edit {c.name}</summary>
        <ActionForm action={updateConnectionAction} submitLabel="Save changes">
          <input type="hidden" name="id" value={c.id} />
          <div className={ui.formRow}>
            <ActionField label="Name">
              <input name="name" defaultValue={c.name} autoComplete="off" />
            </ActionField>
            <ActionField label="Base URL">
              <input name="baseUrl" defaultValue={c.baseUrl} autoComplete="off" />
            </ActionField>
            <ActionField label="New API token" hint="Leave empty to keep the stored token.">
              <input name="token" type="password" autoComplete="new-password" placeholder="kpt_…" />
            </ActionField>
          </div>
          {c.isDefault ? null : (
            <label className={styles.check}>
              <input type="checkbox" name="isDefault" /> Make this the default connection
            </label>
          )}
          <WebhookFields mode={c.webhook.mode} existing />
        </ActionForm>
      </details>
      <div className={styles.disclosure}>
        <ConfirmAction
          action={deleteConnectionAction}
          fields={{ id: c.id }}
          trigger={`Delete ${c.name}`}
          title={`Delete the connection ${c.name}?`}
          confirmLabel="Delete connection"
        >
          <p>
            Staff can no longer work with this K-LINK tenant through the console, and its webhooks are refused. Nothing
            is deleted in K-LINK.
          </p>
        </ConfirmAction>
      </div>
    </section>
  );
}

export default async function ConnectionsPage() {
  const { actor } = await consolePage("admin");
  const { data: connections } = await listConnections(actor, { limit: 200 });
  return (
    <>
      <PageHeader
        title="K-LINK connections"
        description="The K-LINK tenants this console works with. API tokens and webhook secrets are encrypted on the server and can only be replaced, never read back."
      />
      {connections.length === 0 ? (
        <Section>
          <EmptyState title="No connection yet">
            Add the K-LINK tenant this console works with: you need an API token from K-LINK&apos;s Settings → API
            Tokens.
          </EmptyState>
        </Section>
      ) : (
        connections.map((c) => <ConnectionCard key={c.id} c={c} />)
      )}
      <Section title="Add a connection" id="new-connection">
        <ActionForm action={createConnectionAction} submitLabel="Add connection" resetOnSuccess>
          <div className={ui.formRow}>
            <ActionField label="Name" required>
              <input name="name" autoComplete="off" />
            </ActionField>
            <ActionField label="Base URL">
              <input name="baseUrl" defaultValue={DEFAULT_KLINK_BASE_URL} autoComplete="off" />
            </ActionField>
            <ActionField label="API token" required hint="Issued in K-LINK under Settings → API Tokens (kpt_…).">
              <input name="token" type="password" autoComplete="new-password" placeholder="kpt_…" />
            </ActionField>
          </div>
          <label className={styles.check}>
            <input type="checkbox" name="isDefault" /> Make this the default connection
          </label>
          <WebhookFields />
        </ActionForm>
      </Section>
    </>
  );
}
