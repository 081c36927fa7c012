import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAtLeast } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import type { PublicApiKey } from "@/lib/api-keys/public-api-key";
import { ActionForm } from "../_components/action-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

function KeyTable({ caption, keys, showOwner }: { caption: string; keys: PublicApiKey[]; showOwner?: boolean }) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showOwner ? <th scope="col">Owner</th> : null}
          <th scope="col">Key</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            {showOwner ? <td>{k.owner.email}</td> : null}
            <td>
              <code>{k.prefix}…</code>
            </td>
            <td>{k.status}</td>
            <td>{day(k.createdAt)}</td>
            <td>{day(k.expiresAt)}</td>
            <td>{day(k.lastUsedAt)}</td>
            <td>
              {k.status === "active" ? (
                <ActionForm action={revokeApiKeyAction} submitLabel={`Revoke ${k.name}`} variant="danger" confirm={`Revoke the key ${k.name}?`}>
                  <input type="hidden" name="id" value={k.id} />
                </ActionForm>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function KeysPage() {
  const actor = await requirePageActor("viewer");
  const own = await listApiKeys(actor, { limit: 200 });
  const all = roleAtLeast(actor.role, "admin") ? await listApiKeys(actor, { all: true, limit: 200 }) : null;
  return (
    <main>
      <h1>API keys</h1>
      <p className={styles.hint}>
        Scripts authenticate with <code>Authorization: Bearer kc_…</code> and act with your current role ({actor.role}).
      </p>
      <section className={styles.section} aria-labelledby="new-key">
        <h2 id="new-key">Create a key</h2>
        <CreateKeyForm action={createApiKeyAction} />
      </section>
      <section className={styles.section}>
        <KeyTable caption="Your keys" keys={own.data} />
      </section>
      {all ? (
        <section className={styles.section}>
          <KeyTable caption="Keys of all users (admins may revoke any)" keys={all.data} showOwner />
        </section>
      ) : null}
    </main>
  );
}
