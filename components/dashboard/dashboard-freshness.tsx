// The top of the dashboard when K-LINK is in trouble: the stale banner with the age of the
// oldest data shown, and a timed re-read (AutoRefresh) while any of it is being refreshed or
// K-LINK is not answering.
import type { ConsolePage } from "@/lib/doors/console-page";
import { degradedFreshness } from "@/lib/console/degraded";
import { StaleBanner } from "@/components/shell/stale-banner";
import { AutoRefresh } from "./auto-refresh";
import { loadTicketCounts } from "./load-ticket-counts";

const RECHECK_WHILE_REVALIDATING_SECONDS = 3;
const RECHECK_WHILE_DEGRADED_SECONDS = 15;

export async function DashboardFreshness({ page }: { page: ConsolePage }) {
  const { reads } = await loadTicketCounts(page);
  const degraded = degradedFreshness(reads);
  const revalidating = reads.some((read) => read.ok && read.freshness.staleReason === "revalidating");
  const seconds = degraded ? RECHECK_WHILE_DEGRADED_SECONDS : revalidating ? RECHECK_WHILE_REVALIDATING_SECONDS : null;
  return (
    <>
      <StaleBanner degraded={degraded} />
      <AutoRefresh seconds={seconds} renderId={page.requestId} />
    </>
  );
}
