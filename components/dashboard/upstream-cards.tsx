// The console's link to K-LINK for the active connection: whether its last call worked, the
// circuit breaker, latency and failure counts; and how often reads were answered from the cache.
// Both as this console process saw them.
import Link from "next/link";
import type { ConsolePage } from "@/lib/doors/console-page";
import { cacheUse, upstreamStatus, type CacheUse, type UpstreamStatus } from "@/lib/console/dashboard-upstream";
import { formatAge } from "@/components/ui/timestamp";
import { DonutChart, type DonutPart } from "./donut-chart";
import { SERIES_COLOURS } from "./chart-style";
import { loadTicketCounts } from "./load-ticket-counts";
import styles from "./dashboard.module.css";

const number = (n: number) => n.toLocaleString("en");
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

const STATE_LABEL: Record<UpstreamStatus["state"], string> = {
  healthy: "Answering",
  failing: "Not answering",
  unknown: "Not called yet",
};
const CIRCUIT_LABEL: Record<UpstreamStatus["circuit"], string> = {
  closed: "closed: calls go through",
  open: "open: calls paused after repeated failures",
  "half-open": "half-open: trying one call",
};
const FAILURE_LABEL: Record<string, string> = {
  timeout: "timed out",
  unreachable: "could not be reached",
  circuit_open: "paused by the circuit breaker",
};

export async function UpstreamCards({ page }: { page: ConsolePage }) {
  // After this request's own K-LINK reads, so the health shown includes them.
  if (page.connectionId) await loadTicketCounts(page);
  const cache = await cacheUse();
  return (
    <div className={styles.stack}>
      <HealthCard page={page} status={page.connectionId ? upstreamStatus(page.connectionId) : null} />
      <CacheCard cache={cache} />
    </div>
  );
}

function HealthCard({ page, status }: { page: ConsolePage; status: UpstreamStatus | null }) {
  const name = page.connection.active?.name;
  const health = status?.health;
  const ago = (seconds: number | null | undefined) => `${formatAge(seconds ?? 0)} ago`;
  const okCalls = health ? health.calls - health.failures : 0;
  const parts: DonutPart[] = [
    { key: "ok", label: "Answered", value: okCalls, colour: SERIES_COLOURS.ok },
    { key: "failures", label: "Failed", value: health?.failures ?? 0, colour: SERIES_COLOURS.failures },
  ];
  const successRate = health && health.calls ? okCalls / health.calls : null;
  return (
    <section className={styles.card} aria-labelledby="upstream-health" data-testid="card-upstream">
      <div className={styles.cardHead}>
        <h2 id="upstream-health">K-LINK health</h2>
        <span className={styles.cardMeta}>{name ?? "no connection"}</span>
      </div>
      {!status ? (
        <p className={styles.note}>
          No K-LINK connection yet.
          {page.can.admin ? (
            <>
              {" "}
              Add one under <Link href="/admin/connections">Admin → K-LINK connections</Link>.
            </>
          ) : (
            " An admin can add one."
          )}
        </p>
      ) : (
        <>
          <div className={styles.donutRow}>
            <DonutChart
              parts={parts}
              size={110}
              centre={successRate === null ? "—" : percent(successRate)}
              summary={
                health
                  ? `K-LINK calls from this console: ${number(okCalls)} answered, ${number(health.failures)} failed.`
                  : "No K-LINK calls yet."
              }
            />
            <div style={{ flex: 1, minWidth: "10rem" }}>
              <span className={`${styles.healthPill} ${styles[status.state]}`} data-testid="upstream-state">
                {STATE_LABEL[status.state]}
              </span>
              <ul className={styles.legend} style={{ marginTop: "0.6rem" }}>
                {parts.map((p) => (
                  <li key={p.key}>
                    <span>
                      <span className={styles.swatch} style={{ background: p.colour }} aria-hidden="true" />
                      {p.label} calls
                    </span>
                    <strong>{number(p.value)}</strong>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <dl className={styles.facts}>
            <dt>Circuit breaker</dt>
            <dd data-testid="circuit-state">{CIRCUIT_LABEL[status.circuit]}</dd>
            <dt>Last call</dt>
            <dd>{health ? `${number(health.lastLatencyMs)} ms, ${ago(status.lastCallAgeSeconds)}` : "—"}</dd>
            <dt>Last failure</dt>
            <dd>
              {health?.lastFailureAt
                ? `${failureText(health.lastFailureKind)}, ${ago(status.lastFailureAgeSeconds)}`
                : "none"}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}

function failureText(kind: string | null): string {
  if (!kind) return "failed";
  if (kind.startsWith("status_")) return `answered ${kind.slice(7)}`;
  return FAILURE_LABEL[kind] ?? kind;
}

function CacheCard({ cache }: { cache: CacheUse }) {
  const parts: DonutPart[] = [
    { key: "hit", label: "Fresh from the cache", value: cache.reads.hit, colour: SERIES_COLOURS.hit },
    { key: "stale", label: "Stale from the cache", value: cache.reads.stale, colour: SERIES_COLOURS.stale },
    { key: "miss", label: "Asked K-LINK", value: cache.reads.miss, colour: SERIES_COLOURS.miss },
    { key: "bypass", label: "Cache bypassed", value: cache.reads.bypass, colour: SERIES_COLOURS.bypass },
  ];
  const centre = cache.hitRate === null ? "—" : percent(cache.hitRate);
  return (
    <section className={styles.card} aria-labelledby="cache-hit-rate" data-testid="card-cache">
      <div className={styles.cardHead}>
        <h2 id="cache-hit-rate">Cache hit rate</h2>
        <span className={styles.cardMeta}>
          <strong data-testid="cache-hit-rate">{centre}</strong> of {number(cache.total)} reads
        </span>
      </div>
      <div className={styles.donutRow}>
        <DonutChart
          parts={parts}
          size={110}
          centre={centre}
          summary={`K-LINK reads answered from the cache: ${centre}. ${parts.map((p) => `${p.label} ${number(p.value)}`).join(", ")}.`}
        />
        <ul className={styles.legend}>
          {parts.map((p) => (
            <li key={p.key}>
              <span>
                <span className={styles.swatch} style={{ background: p.colour }} aria-hidden="true" />
                {p.label}
              </span>
              <strong>{number(p.value)}</strong>
            </li>
          ))}
        </ul>
      </div>
      <p className={styles.note}>
        Since this console process started
        {cache.meanUpstreamMs !== null ? `; K-LINK answered in ${number(cache.meanUpstreamMs)} ms on average` : ""}.
      </p>
    </section>
  );
}
