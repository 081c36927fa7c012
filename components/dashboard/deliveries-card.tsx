// Webhook deliveries per hour over the last 24 hours (from the console's database), stacked by
// what became of them, with the hour-by-hour numbers in a table under a disclosure.
import Link from "next/link";
import type { ConsolePage } from "@/lib/doors/console-page";
import { deliveriesPerHour } from "@/lib/console/dashboard-deliveries";
import { EmptyState } from "@/components/ui/empty-state";
import { HourlyDeliveriesChart } from "./hourly-deliveries-chart";
import { DELIVERY_SERIES as SERIES, SERIES_COLOURS, type HourPoint } from "./chart-style";
import ui from "@/components/ui/ui.module.css";
import styles from "./dashboard.module.css";

const hourOf = (iso: string) => iso.slice(11, 16);
const number = (n: number) => n.toLocaleString("en");

export async function DeliveriesCard({ page }: { page: ConsolePage }) {
  const buckets = await deliveriesPerHour(page.actor, { connectionId: page.connectionId });
  const points: HourPoint[] = buckets.map((b) => ({ ...b, hour: hourOf(b.hourStart) }));
  const total = points.reduce((sum, p) => sum + p.total, 0);
  const seriesTotals = SERIES.map((s) => ({ ...s, value: points.reduce((sum, p) => sum + p[s.key], 0) }));
  const busiest = points.reduce((best, p) => (p.total > best.total ? p : best), points[0]);
  const summary =
    total === 0
      ? "No webhook deliveries in the last 24 hours."
      : `Webhook deliveries per hour over the last 24 hours: ${number(total)} in all ` +
        `(${seriesTotals.map((s) => `${s.label.toLowerCase()} ${number(s.value)}`).join(", ")}); ` +
        `the busiest hour was ${busiest.hour} UTC with ${number(busiest.total)}.`;
  return (
    <section className={styles.card} aria-labelledby="deliveries-per-hour" data-testid="card-deliveries">
      <div className={styles.cardHead}>
        <h2 id="deliveries-per-hour">Webhook deliveries per hour</h2>
        <span className={styles.cardMeta}>
          last 24 hours (UTC) · <strong data-testid="deliveries-total">{number(total)}</strong> received
          {page.can.admin ? (
            <>
              {" · "}
              <Link href="/admin/webhooks">History</Link>
            </>
          ) : null}
        </span>
      </div>
      {total === 0 ? (
        <EmptyState title="No deliveries in the last 24 hours">
          {page.can.admin
            ? "If K-LINK should be sending events, check the webhook URL and secret under Admin → K-LINK connections."
            : "Changes made in K-LINK arrive here as webhooks."}
        </EmptyState>
      ) : (
        <>
          <ul
            className={styles.legend}
            style={{ display: "flex", flexWrap: "wrap", gap: "0.3rem 1.1rem", marginBottom: "0.5rem" }}
            aria-label="Totals over 24 hours"
          >
            {seriesTotals.map((s) => (
              <li key={s.key}>
                <span>
                  <span className={styles.swatch} style={{ background: SERIES_COLOURS[s.key] }} aria-hidden="true" />
                  {s.label} <strong>{number(s.value)}</strong>
                </span>
              </li>
            ))}
          </ul>
          <HourlyDeliveriesChart points={points} summary={summary} />
          <details className={styles.numbers}>
            <summary>Numbers per hour</summary>
            <div className={styles.scroll}>
              <table className={styles.miniTable}>
                <caption className={ui.srOnly}>Webhook deliveries per hour, last 24 hours</caption>
                <thead>
                  <tr>
                    <th scope="col">Hour (UTC)</th>
                    {SERIES.map((s) => (
                      <th key={s.key} scope="col" className={styles.num}>
                        {s.label}
                      </th>
                    ))}
                    <th scope="col" className={styles.num}>
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.hourStart}>
                      <th scope="row" style={{ fontWeight: 400 }}>
                        {p.hourStart.slice(0, 10)} {p.hour}
                      </th>
                      {SERIES.map((s) => (
                        <td key={s.key} className={styles.num}>
                          {number(p[s.key])}
                        </td>
                      ))}
                      <td className={styles.num}>{number(p.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
