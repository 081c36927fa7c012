import { Skeleton } from "@/components/ui/skeleton";
import ui from "@/components/ui/ui.module.css";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className={ui.srOnly}>Loading contacts…</span>
      <Skeleton width="10rem" height="1.8rem" />
      <div style={{ display: "flex", gap: "0.75rem", margin: "1.2rem 0" }}>
        <Skeleton width="min(32rem, 100%)" height="2.4rem" />
        <Skeleton width="7rem" height="2.4rem" />
      </div>
      <div style={{ display: "grid", gap: "0.45rem" }}>
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} height="2.6rem" />
        ))}
      </div>
    </div>
  );
}
