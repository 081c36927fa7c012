// The dashboard's three ticket cards: by status, by priority, by channel. Each is a bar chart
// with the numbers on the bars, and a table (numbers, shares, links to the filtered ticket
// list) under a disclosure. A card whose counts K-LINK could not give says so on its own.
import Link from "next/link";
import type { ConsolePage } from "@/lib/doors/console-page";
import type { Breakdown, CountDimension } from "@/lib/console/dashboard-counts";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { EmptyState } from "@/components/ui/empty-state";
import { BreakdownChart, type BreakdownBar } from "./breakdown-chart";
import { CHANNEL_COLOUR, NEUTRAL, colourOf } from "./chart-style";
import { loadTicketCounts } from "./load-ticket-counts";
import ui from "@/components/ui/ui.module.css";
import styles from "./dashboard.module.css";

const TITLE: Record<CountDimension, string> = {
  status: "Tickets by status",
  priority: "Tickets by priority",
  channel: "Tickets by channel",
};
const COLUMN: Record<CountDimension, string> = { status: "Status", priority: "Priority", channel: "Channel" };

const number = (n: number) => n.toLocaleString("en");
const share = (n: number, total: number) => (total > 0 ? `${Math.round((n / total) * 100)}%` : "—");

export async function TicketBreakdowns({ page }: { page: ConsolePage }) {
  const counts = await loadTicketCounts(page);
  const total = counts.total.ok ? counts.total.count : null;
  return (
    <div className={styles.grid3}>
      {counts.breakdowns.map((breakdown) => (
        <BreakdownCard key={breakdown.dimension} breakdown={breakdown} total={total} />
      ))}
    </div>
  );
}

function BreakdownCard({ breakdown, total }: { breakdown: Breakdown; total: number | null }) {
  const { dimension } = breakdown;
  const headingId = `tickets-by-${dimension}`;
  const title = TITLE[dimension];
  if (!breakdown.ok) {
    return (
      <section className={styles.card} aria-labelledby={headingId} data-testid={`card-${dimension}`}>
        <div className={styles.cardHead}>
          <h2 id={headingId}>{title}</h2>
        </div>
        <KlinkFailure failure={breakdown.failure} what={title} />
      </section>
    );
  }
  const rows = [
    ...breakdown.rows.map((row) => ({
      ...row,
      href: `/tickets?${new URLSearchParams({ [dimension]: row.value })}`,
      colour: dimension === "channel" ? CHANNEL_COLOUR : colourOf(row.value),
    })),
    ...(breakdown.other > 0
      ? [{ value: "", label: "Other or not set", count: breakdown.other, href: "", colour: NEUTRAL }]
      : []),
  ];
  const all = total ?? rows.reduce((sum, row) => sum + row.count, 0);
  const bars: BreakdownBar[] = rows.map(({ label, count, colour, href }) => ({ label, count, colour, href }));
  const summary = `${title}: ${rows.map((row) => `${row.label} ${number(row.count)}`).join(", ")}. ${number(all)} tickets in all.`;
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid={`card-${dimension}`}>
      <div className={styles.cardHead}>
        <h2 id={headingId}>{title}</h2>
        <span className={styles.cardMeta}>{number(all)} tickets</span>
      </div>
      {rows.length === 0 || all === 0 ? (
        <EmptyState title="No tickets yet">Tickets created in K-LINK show up here.</EmptyState>
      ) : (
        <>
          <BreakdownChart bars={bars} summary={summary} />
          <details className={styles.numbers}>
            <summary>
              Numbers<span className={ui.srOnly}> of {title.toLowerCase()}</span>
            </summary>
            <table className={styles.miniTable}>
              <caption className={ui.srOnly}>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{COLUMN[dimension]}</th>
                  <th scope="col" className={styles.num}>
                    Tickets
                  </th>
                  <th scope="col" className={styles.num}>
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.value || "other"}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      <span className={styles.swatch} style={{ background: row.colour }} aria-hidden="true" />
                      {row.href ? <Link href={row.href}>{row.label}</Link> : row.label}
                    </th>
                    <td className={styles.num} data-testid={`count-${dimension}-${row.value || "other"}`}>
                      {number(row.count)}
                    </td>
                    <td className={styles.num}>{share(row.count, all)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All tickets</th>
                  <td className={styles.num} data-testid={`count-${dimension}-total`}>
                    {number(all)}
                  </td>
                  <td className={styles.num}>100%</td>
                </tr>
              </tfoot>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
