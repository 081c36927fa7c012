import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import type { PublicApiKey } from "@/lib/api-keys/public-api-key";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { CreateKeyForm } from "@/components/admin/create-key-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

function KeyTable({ caption, keys, showOwner }: { caption: string; keys: PublicApiKey[]; showOwner?: boolean }) {
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table}>
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
            <th scope="col">
              <span className={ui.srOnly}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              {showOwner ? <td>{k.owner.email ?? k.owner.id}</td> : null}
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>
                <span className={`${ui.badge} ${k.status === "active" ? ui["tone-green"] : ""}`}>{k.status}</span>
              </td>
              <td className={ui.nowrap}>{day(k.createdAt)}</td>
              <td className={ui.nowrap}>{day(k.expiresAt)}</td>
              <td className={ui.nowrap}>{day(k.lastUsedAt)}</td>
              <td>
                {k.status === "active" ? (
                  <ConfirmAction
                    action={revokeApiKeyAction}
                    fields={{ id: k.id }}
                    trigger={`Revoke ${k.name}`}
                    title={`Revoke the key ${k.name}?`}
                    confirmLabel="Revoke key"
                  >
                    <p>Scripts using this key stop working at once. This cannot be undone.</p>
                  </ConfirmAction>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function KeysPage() {
  const { actor, can } = await consolePage("viewer");
  const own = await listApiKeys(actor, { limit: 200 });
  const all = can.admin ? await listApiKeys(actor, { all: true, limit: 200 }) : null;
  const others = all ? all.data.filter((k) => k.owner.id !== actor.userId) : [];
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Personal keys for scripts: send <code>Authorization: Bearer kc_…</code>. A key acts with your current role (
            {actor.role}) and stops working when revoked or when your account is deactivated.
          </>
        }
      />
      <Section title="Create a key" id="new-key">
        <CreateKeyForm action={createApiKeyAction} />
      </Section>
      <Section title="Your keys" id="own-keys">
        {own.data.length === 0 ? (
          <EmptyState title="You have no API keys yet">
            Create one above when a script needs to call the console.
          </EmptyState>
        ) : (
          <KeyTable caption="Your keys" keys={own.data} />
        )}
      </Section>
      {all ? (
        <Section title="Other users' keys" id="all-keys">
          <p className={ui.muted} style={{ marginTop: 0 }}>
            As an admin you can revoke anyone&apos;s key, for example when someone leaves.
          </p>
          {others.length === 0 ? (
            <EmptyState title="No other user has a key" />
          ) : (
            <KeyTable caption="Keys of other users" keys={others} showOwner />
          )}
        </Section>
      ) : null}
    </>
  );
}
