// What the dashboard's sections show while their data loads (each has its own Suspense
// boundary, so K-LINK being slow holds up only the ticket cards).
import { Skeleton } from "@/components/ui/skeleton";
import ui from "@/components/ui/ui.module.css";
import styles from "./dashboard.module.css";

export function CardSkeleton({ label, bars = 5 }: { label: string; bars?: number }) {
  return (
    <div className={styles.card} role="status" aria-busy="true" style={{ display: "grid", gap: "0.6rem" }}>
      <span className={ui.srOnly}>Loading {label}…</span>
      <Skeleton width="45%" height="1.1rem" />
      {Array.from({ length: bars }, (_, i) => (
        <Skeleton key={i} width={`${90 - i * 13}%`} height="1.3rem" />
      ))}
    </div>
  );
}

export function BreakdownSkeletons() {
  return (
    <div className={styles.grid3}>
      <CardSkeleton label="tickets by status" />
      <CardSkeleton label="tickets by priority" />
      <CardSkeleton label="tickets by channel" />
    </div>
  );
}
