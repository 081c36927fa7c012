import { requirePageActor } from "@/lib/auth/page-guard";
import { loadDemoOverview, type DemoTicket } from "@/lib/klink/demo-overview";

export const dynamic = "force-dynamic";

const cell = { padding: "0.4rem 0.6rem", borderBottom: "1px solid var(--border)", textAlign: "left" as const };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div style={{ background: "#fff", border: "1px solid var(--border)", borderRadius: "var(--radius)", padding: "0.75rem 1rem", minWidth: "10rem" }}>
      <div style={{ color: "var(--muted)", fontSize: "0.85rem" }}>{label}</div>
      <div style={{ fontSize: "1.6rem", fontWeight: 600 }} data-testid={`stat-${label.toLowerCase().replace(/ /g, "-")}`}>
        {value.toLocaleString("en")}
      </div>
    </div>
  );
}

function TicketTable({ tickets }: { tickets: DemoTicket[] }) {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%", background: "#fff" }} aria-label="Newest tickets">
      <thead>
        <tr>
          {["#", "Title", "Contact", "Status", "Priority", "Channel", "Created"].map((h) => (
            <th key={h} style={{ ...cell, color: "var(--muted)", fontWeight: 600 }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tickets.map((t) => (
          <tr key={t.id}>
            <td style={cell}>{t.ticketNumber}</td>
            <td style={cell}>{t.title}</td>
            <td style={cell}>{t.contact?.name ?? "—"}</td>
            <td style={cell}>{t.status}</td>
            <td style={cell}>{t.priority}</td>
            <td style={cell}>{t.channel}</td>
            <td style={cell}>{t.createdAt ? new Date(t.createdAt).toLocaleString("en-GB", { timeZone: "UTC" }) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function Home() {
  await requirePageActor();
  const overview = await loadDemoOverview();
  return (
    <main style={{ padding: "2rem", maxWidth: "72rem", margin: "0 auto" }}>
      <h1>Klink Console</h1>
      <p>The staff console for K-LINK customer support.</p>
      {overview.state === "unconfigured" && <p style={{ color: "var(--muted)" }}>No K-LINK data to show yet: run <code>npm run demo</code> to start with the built-in simulator.</p>}
      {overview.state === "unavailable" && (
        <p role="alert" style={{ background: "var(--warn-bg)", padding: "0.75rem 1rem", borderRadius: "var(--radius)" }}>
          {overview.reason}. The page shows live data again as soon as it answers.
        </p>
      )}
      {overview.state === "ok" && (
        <section aria-labelledby="live-data">
          <h2 id="live-data">Live from K-LINK</h2>
          <p style={{ color: "var(--muted)" }}>
            Read just now through the K-LINK client in {overview.latencyMs} ms. Channels: {overview.channels.join(", ")}.
          </p>
          <div style={{ display: "flex", gap: "1rem", flexWrap: "wrap", margin: "1rem 0" }}>
            <Stat label="Contacts" value={overview.contacts} />
            <Stat label="Tickets" value={overview.tickets} />
            <Stat label="Open tickets" value={overview.openTickets} />
          </div>
          <h3>Newest tickets</h3>
          <TicketTable tickets={overview.newestTickets} />
        </section>
      )}
    </main>
  );
}
