// Loading placeholders of the ticket pages, shaped like what arrives (announced once as busy).
import { BusyRegion, Skeleton } from "@/components/ui/skeleton";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

export function TicketListSkeleton() {
  return (
    <BusyRegion label="Loading tickets">
      <Skeleton width="9rem" height="1.8rem" />
      <div className={styles.filters} style={{ marginTop: "1rem" }}>
        {["16rem", "9rem", "9rem", "9rem", "6rem"].map((width, i) => (
          <Skeleton key={i} width={width} height="3.6rem" />
        ))}
      </div>
      <div className={ui.tableWrap} style={{ padding: "0.75rem", display: "grid", gap: "0.55rem" }}>
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} height="1.6rem" />
        ))}
      </div>
    </BusyRegion>
  );
}

export function TicketDetailSkeleton() {
  return (
    <BusyRegion label="Loading the ticket">
      <Skeleton width="7rem" height="1rem" />
      <div style={{ marginTop: "0.5rem" }}>
        <Skeleton width="min(32rem, 90%)" height="1.9rem" />
      </div>
      <div className={styles.detailGrid} style={{ marginTop: "1.2rem" }}>
        <div style={{ display: "grid", gap: "1rem" }}>
          <Skeleton height="9rem" />
          <Skeleton height="14rem" />
          <Skeleton height="10rem" />
        </div>
        <div style={{ display: "grid", gap: "1rem", alignContent: "start" }}>
          <Skeleton height="6rem" />
          <Skeleton height="9rem" />
        </div>
      </div>
    </BusyRegion>
  );
}

export function TicketFormSkeleton() {
  return (
    <BusyRegion label="Loading the form">
      <Skeleton width="10rem" height="1.8rem" />
      <div style={{ display: "grid", gap: "1rem", marginTop: "1.2rem", maxWidth: "46rem" }}>
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} height={i === 1 ? "7rem" : "3.4rem"} />
        ))}
      </div>
    </BusyRegion>
  );
}
