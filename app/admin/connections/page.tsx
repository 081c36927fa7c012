import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/connections/list-connections";
import { DEFAULT_KLINK_BASE_URL } from "@/lib/connections/base-url";
import { ActionForm, Field } from "../_components/action-form";
import { createConnectionAction, deleteConnectionAction, updateConnectionAction } from "./actions";
import { WebhookFields } from "./webhook-fields";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "K-LINK connections" };

export default async function ConnectionsPage() {
  const actor = await requirePageActor("admin");
  const { data: connections } = await listConnections(actor, { limit: 200 });
  return (
    <main>
      <h1>K-LINK connections</h1>
      <p className={styles.hint}>
        API tokens and webhook secrets are encrypted on the server and can only be replaced, never read back.
      </p>
      {connections.length === 0 ? <p>No connection yet: add the K-LINK tenant this console works with.</p> : null}
      {connections.map((c) => (
        <section key={c.id} className={styles.section} aria-labelledby={`conn-${c.id}`}>
          <h2 id={`conn-${c.id}`}>
            {c.name}
            {c.isDefault ? <span className={styles.badge}>default</span> : null}
          </h2>
          <dl>
            <dt>Base URL</dt>
            <dd>{c.baseUrl}</dd>
            <dt>API token</dt>
            <dd>{c.tokenHint}</dd>
            <dt>Webhook</dt>
            <dd>
              {c.webhook.mode}
              {c.webhook.mode === "hmac" ? ` · secret ${c.webhook.secretSet ? `set (…${c.webhook.secretLast4})` : "not set"}` : ""}
              {c.webhook.previousSecretSet ? " · previous secret still accepted" : ""}
              {c.webhook.mode === "basic" ? ` · user ${c.webhook.username} · password ${c.webhook.passwordSet ? "set" : "not set"}` : ""}
              {c.webhook.mode === "header" ? ` · ${c.webhook.headerName}: ${c.webhook.headerValueSet ? "set" : "not set"}` : ""}
            </dd>
            <dt>Webhook URL for K-LINK</dt>
            <dd>
              <code>{c.webhook.url}</code>
            </dd>
          </dl>
          <details>
            <summary>Edit {c.name}</summary>
            <ActionForm action={updateConnectionAction} submitLabel="Save">
              <input type="hidden" name="id" value={c.id} />
              <Field label="Name" name="name" defaultValue={c.name} />
              <Field label="Base URL" name="baseUrl" defaultValue={c.baseUrl} />
              <Field label="New API token (empty = keep)" name="token" type="password" autoComplete="new-password" placeholder="kpt_…" />
              <label className={styles.check}>
                <input type="checkbox" name="isDefault" defaultChecked={c.isDefault} disabled={c.isDefault} /> Default connection
              </label>
              <WebhookFields mode={c.webhook.mode} existing />
            </ActionForm>
          </details>
          <ActionForm action={deleteConnectionAction} submitLabel={`Delete ${c.name}`} variant="danger" confirm={`Delete the connection ${c.name}?`}>
            <input type="hidden" name="id" value={c.id} />
          </ActionForm>
        </section>
      ))}
      <section className={styles.section} aria-labelledby="new-connection">
        <h2 id="new-connection">Add a connection</h2>
        <ActionForm action={createConnectionAction} submitLabel="Add connection">
          <Field label="Name" name="name" required />
          <Field label="Base URL" name="baseUrl" defaultValue={DEFAULT_KLINK_BASE_URL} />
          <Field label="API token" name="token" type="password" required autoComplete="new-password" placeholder="kpt_…" />
          <label className={styles.check}>
            <input type="checkbox" name="isDefault" /> Default connection
          </label>
          <WebhookFields />
        </ActionForm>
      </section>
    </main>
  );
}
