import { Skeleton } from "@/components/ui/skeleton";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/contacts/contacts.module.css";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className={ui.srOnly}>Loading the contact…</span>
      <div className={styles.identity} style={{ marginBottom: "1.2rem" }}>
        <Skeleton width="3rem" height="3rem" />
        <div style={{ display: "grid", gap: "0.4rem" }}>
          <Skeleton width="14rem" height="1.6rem" />
          <Skeleton width="20rem" height="1rem" />
        </div>
      </div>
      <div className={styles.layout}>
        <div style={{ display: "grid", gap: "1rem" }}>
          <Skeleton height="14rem" />
          <Skeleton height="8rem" />
          <Skeleton height="12rem" />
        </div>
        <div style={{ display: "grid", gap: "1rem" }}>
          <Skeleton height="6rem" />
          <Skeleton height="10rem" />
        </div>
      </div>
    </div>
  );
}
