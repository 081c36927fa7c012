// /views: the saved views the user can see on the active connection — their own and the shared
// ones — with the default per list, sharing and deletion where the user may (checked again in
// lib/views and by the API).
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { listViews } from "@/lib/views/saved-views";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ViewActions } from "@/components/views/view-actions";
import ui from "@/components/ui/ui.module.css";
import Link from "next/link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Saved views" };

export default async function ViewsPage() {
  const page = await consolePage();
  const views = page.connectionId ? await listViews(page.actor, page.connectionId) : [];
  return (
    <>
      <PageHeader
        title="Saved views"
        description="Save a view from the ticket or contact list with “Save view”. Shared views are seen by everyone."
      />
      {views.length ? (
        <div className={ui.tableWrap} role="region" aria-label="Saved views" tabIndex={0}>
          <table className={ui.table}>
            <caption>Your views and the shared ones on this connection</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">List</th>
                <th scope="col">Seen by</th>
                <th scope="col">Owner</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {views.map((view) => (
                <tr key={view.id}>
                  <td>
                    <Link href={view.href}>{view.name}</Link>
                    {view.isDefault ? " (opens the list)" : ""}
                  </td>
                  <td>{view.list === "tickets" ? "Tickets" : "Contacts"}</td>
                  <td>{view.shared ? "Everyone" : "Only you"}</td>
                  <td>{view.mine ? "You" : (view.ownerName ?? "—")}</td>
                  <td>
                    <ViewActions
                      view={{
                        id: view.id,
                        name: view.name,
                        list: view.list,
                        shared: view.shared,
                        isDefault: view.isDefault,
                        canEdit: view.canEdit,
                      }}
                      canShare={page.can.write}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No saved views yet">Filter the ticket or contact list, then choose “Save view”.</EmptyState>
      )}
    </>
  );
}
