import Link from "next/link";
import { currentActor } from "@/lib/auth/page-guard";
import { roleAtLeast } from "@/lib/auth/roles";
import { SignOutButton } from "../(auth)/sign-out-button";
import styles from "./admin.module.css";

// Navigation only: every page below checks the signed-in user and role itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <nav className={styles.nav} aria-label="Administration">
          <Link href="/">Console</Link>
          {actor && roleAtLeast(actor.role, "admin") ? (
            <>
              <Link href="/admin/users">Users</Link>
              <Link href="/admin/connections">K-LINK connections</Link>
            </>
          ) : null}
          {actor ? <Link href="/admin/keys">API keys</Link> : null}
        </nav>
        {actor ? (
          <div className={styles.who}>
            <span>
              {actor.email} ({actor.role})
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </header>
      {children}
    </div>
  );
}
