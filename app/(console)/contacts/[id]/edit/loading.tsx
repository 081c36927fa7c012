import { Skeleton } from "@/components/ui/skeleton";
import ui from "@/components/ui/ui.module.css";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className={ui.srOnly}>Loading the contact form…</span>
      <Skeleton width="12rem" height="1.8rem" />
      <div style={{ display: "grid", gap: "0.9rem", marginTop: "1.2rem", maxWidth: "56rem" }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height="3.6rem" />
        ))}
      </div>
    </div>
  );
}
