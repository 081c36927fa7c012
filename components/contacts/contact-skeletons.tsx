// Loading placeholders of the contact pages, shaped like what arrives (announced once as busy).
import { BusyRegion, Skeleton } from "@/components/ui/skeleton";
import styles from "./contacts.module.css";

export function ContactListSkeleton() {
  return (
    <BusyRegion label="Loading contacts">
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
    </BusyRegion>
  );
}

export function ContactDetailSkeleton() {
  return (
    <BusyRegion label="Loading the contact">
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
    </BusyRegion>
  );
}

/** The new-contact and edit-contact forms. */
export function ContactFormSkeleton() {
  return (
    <BusyRegion label="Loading the contact form">
      <Skeleton width="12rem" height="1.8rem" />
      <div style={{ display: "grid", gap: "0.9rem", marginTop: "1.2rem", maxWidth: "56rem" }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height="3.6rem" />
        ))}
      </div>
    </BusyRegion>
  );
}
