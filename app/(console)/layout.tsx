// The signed-in console: header with navigation, the active K-LINK connection (a switcher when
// there are several), the user and role, sign-out; the page below. Every page still checks the
// user and role itself (consolePage / requirePageActor): a layout is not a guard.
import Link from "next/link";
import type { ReactNode } from "react";
import { consolePage } from "@/lib/console/console-page";
import { SignOutButton } from "../(auth)/sign-out-button";
import { ConsoleProviders } from "@/components/shell/console-providers";
import { ConnectionSwitcher } from "@/components/shell/connection-switcher";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { selectConnectionAction } from "./connection-actions";
import styles from "@/components/shell/shell.module.css";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor, connection, can } = await consolePage();
  const items: NavItem[] = [
    { href: "/", label: "Dashboard" },
    { href: "/tickets", label: "Tickets" },
    { href: "/contacts", label: "Contacts" },
    { href: "/cx-logs", label: "CX logs" },
    { href: "/reference", label: "Reference data" },
    ...(can.admin ? [{ href: "/admin", label: "Admin" }] : [{ href: "/admin/keys", label: "API keys" }]),
  ];
  return (
    <>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link href="/" className={styles.brand}>
            Klink Console
          </Link>
          <NavLinks items={items} />
          <div className={styles.right}>
            <ConnectionSwitcher choices={connection.choices} activeId={connection.active?.id ?? null} select={selectConnectionAction} />
            <span className={styles.user} data-testid="signed-in-user">
              <span>{actor.name || actor.email}</span>
              <span className={styles.role} aria-label={`role ${actor.role}`}>
                {actor.role}
              </span>
              <SignOutButton />
            </span>
          </div>
        </div>
      </header>
      <ConsoleProviders>
        <main id="main" className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </ConsoleProviders>
    </>
  );
}
