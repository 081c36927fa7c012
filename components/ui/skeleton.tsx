// Placeholders shown while a page's data loads (loading.tsx files), announced once as busy.
import styles from "./ui.module.css";

export function Skeleton({ width = "100%", height = "1rem" }: { width?: string; height?: string }) {
  return <span className={styles.skeleton} style={{ width, height }} aria-hidden="true" />;
}

/** The live region around a page's placeholders: screen readers hear `label…` once. */
export function BusyRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className={styles.srOnly}>{label}…</span>
      {children}
    </div>
  );
}

export function PageSkeleton({ rows = 8, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <BusyRegion label={label}>
      <Skeleton width="14rem" height="1.8rem" />
      <div style={{ display: "grid", gap: "0.6rem", marginTop: "1.2rem" }}>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height="2.2rem" />
        ))}
      </div>
    </BusyRegion>
  );
}
