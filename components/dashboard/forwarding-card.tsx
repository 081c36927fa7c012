// Forwarding destinations in trouble (admins): disabled by the console, failing, or late.
import Link from "next/link";
import type { ConsolePage } from "@/lib/doors/console-page";
import { destinationsInTrouble } from "@/lib/forwarding/destinations-in-trouble";
import { Timestamp, formatAge } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";
import styles from "./dashboard.module.css";

export async function ForwardingCard({ page }: { page: ConsolePage }) {
  if (!page.can.admin) return null;
  const trouble = await destinationsInTrouble(page.actor);
  return (
    <section className={styles.card} aria-labelledby="forwarding-trouble" data-testid="card-forwarding">
      <div className={styles.cardHead}>
        <h2 id="forwarding-trouble">Forwarding</h2>
        <span className={styles.cardMeta}>
          <Link href="/admin/destinations">Destinations</Link>
        </span>
      </div>
      {trouble.length === 0 ? (
        <p className={ui.muted}>Every forwarding destination is keeping up.</p>
      ) : (
        <ul aria-label="Destinations in trouble">
          {trouble.map((d) => (
            <li key={d.id}>
              <Link href={`/admin/destinations/${d.id}`}>{d.name}</Link>:{" "}
              {d.disabledReason ? (
                <>disabled — {d.disabledReason}</>
              ) : d.failingSince ? (
                <>
                  failing since <Timestamp value={d.failingSince} />
                </>
              ) : (
                "late"
              )}
              {d.backlog ? (
                <>
                  {" "}
                  · {d.backlog} waiting
                  {d.oldestPendingSeconds !== null ? `, oldest ${formatAge(d.oldestPendingSeconds)}` : ""}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
