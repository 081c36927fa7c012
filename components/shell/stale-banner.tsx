// The banner a page shows when K-LINK is not answering and what it shows is cached data, with
// the age of the oldest such data. Server component: pass it degradedFreshness(reads).
import type { Degraded } from "@/lib/console/degraded";
import { formatAge } from "@/components/ui/timestamp";
import styles from "./shell.module.css";

export function StaleBanner({ degraded }: { degraded: Degraded }) {
  if (!degraded) return null;
  return (
    <div className={styles.staleBanner} role="alert" data-testid="stale-banner">
      <strong>K-LINK is not answering.</strong> This page shows saved data from {formatAge(degraded.oldestAgeSeconds)}{" "}
      ago; it updates by itself once K-LINK is back.
    </div>
  );
}
