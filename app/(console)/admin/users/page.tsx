import type { Metadata } from "next";
import Link from "next/link";
import { consolePage } from "@/lib/doors/console-page";
import { ROLES } from "@/lib/identity/roles";
import { listUsers } from "@/lib/users/list-users";
import { USER_STATUSES } from "@/lib/users/user-input";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { ActionField } from "@/components/admin/action-field";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTimestamp } from "@/components/ui/timestamp";
import { createUserAction, signOutUserEverywhereAction, updateUserAction } from "./actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/admin/admin.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

const STATUS_LABEL: Record<string, string> = { active: "Active", disabled: "Deactivated" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { actor } = await consolePage("admin");
  const { cursor } = await searchParams;
  const page = await listUsers(actor, { cursor, limit: 100 });
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in to the console and what they may do: viewers read, agents also change tickets and contacts, admins also manage the console."
      />
      <Section title="Add a user" id="new-user">
        <ActionForm action={createUserAction} submitLabel="Add user" resetOnSuccess>
          <div className={ui.formRow}>
            <ActionField label="Email" required>
              <input name="email" type="email" autoComplete="off" />
            </ActionField>
            <ActionField label="Name" required>
              <input name="name" autoComplete="off" />
            </ActionField>
            <ActionField label="Role">
              <select name="role" defaultValue="viewer">
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </ActionField>
            <ActionField
              label="Password"
              hint="At least 12 characters. Leave empty for someone who signs in only with single sign-on."
            >
              <input name="password" type="password" autoComplete="new-password" />
            </ActionField>
          </div>
        </ActionForm>
      </Section>
      <Section title="All users" id="users">
        <p className={ui.muted} style={{ marginTop: 0 }}>
          A change takes effect on the user&apos;s next click; a new role, status or password also signs them out
          everywhere. The last active admin can be neither demoted nor deactivated: make someone else an admin first.
        </p>
        {page.data.length === 0 ? (
          <EmptyState title="No users yet" />
        ) : (
          <div className={ui.tableWrap}>
            <table className={ui.table}>
              <caption>
                {page.data.length} user{page.data.length === 1 ? "" : "s"}
                {cursor ? " (continued)" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Signs in with</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Role and status</th>
                  <th scope="col">Sessions</th>
                </tr>
              </thead>
              <tbody>
                {page.data.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <strong>{user.name}</strong>
                      {user.id === actor.userId ? <span className={ui.muted}> (you)</span> : null}
                      {user.status === "disabled" ? (
                        <>
                          {" "}
                          <span className={`${ui.badge} ${ui["tone-red"]}`}>deactivated</span>
                        </>
                      ) : null}
                      <br />
                      <span className={ui.muted}>{user.email}</span>
                    </td>
                    <td>
                      {[user.hasPassword ? "password" : null, user.singleSignOn ? "single sign-on" : null]
                        .filter(Boolean)
                        .join(", ") || "—"}
                    </td>
                    <td className={ui.nowrap}>{user.lastLoginAt ? formatTimestamp(user.lastLoginAt) : "never"}</td>
                    <td>
                      <ActionForm
                        action={updateUserAction}
                        submitLabel="Save"
                        variant="secondary"
                        className={styles.inlineForm}
                      >
                        <input type="hidden" name="id" value={user.id} />
                        <ActionField label={<span className={ui.srOnly}>Role of {user.email}</span>}>
                          <select name="role" defaultValue={user.role} className={styles.compact}>
                            {ROLES.map((role) => (
                              <option key={role} value={role}>
                                {role}
                              </option>
                            ))}
                          </select>
                        </ActionField>
                        <ActionField label={<span className={ui.srOnly}>Status of {user.email}</span>}>
                          <select name="status" defaultValue={user.status} className={styles.compact}>
                            {USER_STATUSES.map((status) => (
                              <option key={status} value={status}>
                                {STATUS_LABEL[status]}
                              </option>
                            ))}
                          </select>
                        </ActionField>
                        <details className={styles.passwordReset}>
                          <summary>
                            New password<span className={ui.srOnly}> for {user.email}</span>
                          </summary>
                          <ActionField
                            label={<span className={ui.srOnly}>New password for {user.email}</span>}
                            hint="Saved with the role and status."
                          >
                            <input name="password" type="password" autoComplete="new-password" />
                          </ActionField>
                        </details>
                      </ActionForm>
                    </td>
                    <td>
                      <ConfirmAction
                        action={signOutUserEverywhereAction}
                        fields={{ id: user.id }}
                        trigger={`Sign out ${user.email} everywhere`}
                        title={`Sign ${user.email} out everywhere?`}
                        confirmLabel="Sign out everywhere"
                      >
                        <p>
                          Every session of {user.email} ends within seconds
                          {user.id === actor.userId ? ", this one included" : ""}. Their API keys keep working.
                        </p>
                      </ConfirmAction>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextCursor ? (
          <p>
            <Link href={`/admin/users?cursor=${uriComponent(page.nextCursor)}`}>Next users →</Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}
