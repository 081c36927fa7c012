// The signed-in console: the navigation column (a Menu button on narrow screens), a top bar with
// the active K-LINK connection (a switcher when there are several) and the signed-in user with
// their role and sign-out, and the page below. Every page still checks the user and role itself
// (consolePage): a layout is not a guard. It does send a non-admin's direct load of an admin-only
// page to the 403 page itself, as a real redirect: below this layout everything streams behind
// the loading skeleton, and a page's own redirect would reach the browser only after that.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { PATH_HEADER } from "@/lib/auth/callback-url";
import { consolePage } from "@/lib/doors/console-page";
import { upstreamStatus } from "@/lib/console/dashboard-upstream";
import { ConsoleProviders } from "@/components/shell/console-providers";
import { ConnectionSwitcher } from "@/components/shell/connection-switcher";
import { SideNav, type NavItem } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { DisabledDestinationsBanner } from "@/components/admin/disabled-destinations-banner";
import { SavedViewsNav } from "@/components/views/saved-views-nav";
import { CommandPalette } from "@/components/palette/command-palette";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { canExport } from "@/lib/exports/export-access";
import { navViews } from "@/lib/views/nav-views";
import { NotificationBell } from "@/components/collab/notification-bell";
import { selectConnectionAction } from "./connection-actions";
import styles from "@/components/shell/shell.module.css";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor, connection, can } = await consolePage();
  if (!can.admin && isAdminOnly((await headers()).get(PATH_HEADER))) redirect("/403");
  const { views, listHref } = await navViews(actor, connection.active?.id);
  const items: NavItem[] = [
    { href: "/", label: "Dashboard", icon: "dashboard" },
    { href: listHref.tickets, label: "Tickets", icon: "tickets" },
    { href: listHref.contacts, label: "Contacts", icon: "contacts" },
    { href: "/cx-logs", label: "CX logs", icon: "cx-logs" },
    { href: "/reports", label: "Reports", icon: "reports" },
    { href: "/reference", label: "Reference data", icon: "reference" },
    ...(can.write ? [{ href: "/canned-replies", label: "Canned replies", icon: "canned-replies" }] : []),
    ...(can.admin ? [{ href: "/admin", label: "Admin", icon: "admin" }] : []),
  ];
  const palettePages = [
    ...items.map(({ href, label }) => ({ href: href.split("?")[0], label })),
    { href: "/views", label: "Saved views" },
    ...ADMIN_SECTIONS.filter((section) => can.admin || section.href === "/admin/keys"),
  ];
  return (
    <>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <div className={styles.shell}>
        <SideNav items={items} footer="Staff console for K-LINK">
          <Suspense>
            <SavedViewsNav views={views} />
          </Suspense>
        </SideNav>
        <div className={styles.content}>
          <header className={styles.topbar}>
            <CommandPalette pages={palettePages} views={views} canWrite={can.write} canExport={canExport(actor)} />
            <ConnectionSwitcher
              choices={connection.choices}
              activeId={connection.active?.id ?? null}
              health={connection.active ? upstreamStatus(connection.active.id).state : "unknown"}
              select={selectConnectionAction}
            />
            <div className={styles.topbarEnd}>
              <NotificationBell userId={actor.userId} />
              <UserMenu name={actor.name} email={actor.email} role={actor.role} />
            </div>
          </header>
          {/* Live events that arrive while this page loads are replayed to it (lib/events/use-live-events.ts). */}
          <ConsoleProviders renderedAt={new Date().getTime()}>
            <main id="main" className={styles.main} tabIndex={-1}>
              {can.admin ? <DisabledDestinationsBanner actor={actor} /> : null}
              {children}
            </main>
          </ConsoleProviders>
        </div>
      </div>
    </>
  );
}

/** The admin area is for admins, except the admin index (it redirects) and each user's own API keys. */
function isAdminOnly(pathAndQuery: string | null): boolean {
  const path = (pathAndQuery ?? "").split("?")[0].replace(/\/+$/, "");
  return path.startsWith("/admin/") && path !== "/admin/keys";
}
