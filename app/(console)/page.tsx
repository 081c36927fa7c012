import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { consolePage } from "@/lib/doors/console-page";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DashboardFreshness } from "@/components/dashboard/dashboard-freshness";
import { TicketBreakdowns } from "@/components/dashboard/ticket-breakdowns";
import { DeliveriesCard } from "@/components/dashboard/deliveries-card";
import { UpstreamCards } from "@/components/dashboard/upstream-cards";
import { ForwardingCard } from "@/components/dashboard/forwarding-card";
import { BreakdownSkeletons, CardSkeleton } from "@/components/dashboard/dashboard-skeletons";
import styles from "@/components/dashboard/dashboard.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const page = await consolePage();
  const connection = page.connection.active;
  return (
    <>
      <LiveRefresh />
      <PageHeader
        title="Dashboard"
        description={
          connection
            ? `Tickets in K-LINK (${connection.name}), the webhooks it sent, and how the console reaches it.`
            : "Tickets in K-LINK, the webhooks it sent, and how the console reaches it."
        }
      />
      {connection ? (
        <>
          <Suspense fallback={null}>
            <DashboardFreshness page={page} />
          </Suspense>
          <Suspense fallback={<BreakdownSkeletons />}>
            <TicketBreakdowns page={page} />
          </Suspense>
        </>
      ) : (
        <Notice tone="info" title="No K-LINK connection yet.">
          <p>
            {page.can.admin ? (
              <>
                Add the K-LINK tenant this console works with under{" "}
                <Link href="/admin/connections">Admin → K-LINK connections</Link>.
              </>
            ) : (
              "An admin must add the K-LINK tenant this console works with."
            )}
          </p>
        </Notice>
      )}
      <div className={styles.grid2}>
        <Suspense fallback={<CardSkeleton label="webhook deliveries" bars={6} />}>
          <DeliveriesCard page={page} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="K-LINK health" bars={4} />}>
          <UpstreamCards page={page} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="forwarding" bars={2} />}>
          <ForwardingCard page={page} />
        </Suspense>
      </div>
    </>
  );
}
