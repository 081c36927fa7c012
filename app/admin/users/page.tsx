import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/list-users";
import { USER_STATUSES } from "@/lib/users/user-input";
import { ActionForm, Field, Select } from "../_components/action-form";
import { createUserAction, updateUserAction } from "./actions";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor("admin");
  const { cursor } = await searchParams;
  const page = await listUsers(actor, { cursor, limit: 100 });
  return (
    <main>
      <h1>Users</h1>
      <section className={styles.section} aria-labelledby="new-user">
        <h2 id="new-user">Add a user</h2>
        <ActionForm action={createUserAction} submitLabel="Add user">
          <Field label="Email" name="email" type="email" required />
          <Field label="Name" name="name" required />
          <Select label="Role" name="role" options={ROLES} defaultValue="viewer" />
          <Field label="Password (optional for single sign-on users)" name="password" type="password" autoComplete="new-password" />
        </ActionForm>
      </section>
      <section className={styles.section}>
        <table className={styles.table}>
          <caption>{page.data.length} user(s)</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Sign-in</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((user) => (
              <tr key={user.id}>
                <td>
                  <strong>{user.name}</strong>
                  <br />
                  {user.email}
                  <span className={styles.badge}>{user.role}</span>
                  {user.status === "disabled" ? <span className={styles.badge}>deactivated</span> : null}
                </td>
                <td>{[user.hasPassword ? "password" : null, user.singleSignOn ? "SSO" : null].filter(Boolean).join(", ") || "—"}</td>
                <td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString("en-GB", { timeZone: "UTC" }) + " UTC" : "never"}</td>
                <td>
                  <ActionForm action={updateUserAction} submitLabel="Save" variant="plain">
                    <input type="hidden" name="id" value={user.id} />
                    <Select label={`Role of ${user.email}`} name="role" options={ROLES} defaultValue={user.role} />
                    <Select label={`Status of ${user.email}`} name="status" options={USER_STATUSES} defaultValue={user.status} />
                    <Field label="New password" name="password" type="password" autoComplete="new-password" />
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.nextCursor ? <a href={`/admin/users?cursor=${encodeURIComponent(page.nextCursor)}`}>Next page</a> : null}
      </section>
    </main>
  );
}
