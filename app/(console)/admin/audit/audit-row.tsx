import type { listAudit } from "@/lib/audit/list-audit";
import styles from "./audit.module.css";

type Row = Awaited<ReturnType<typeof listAudit>>["data"][number];

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

/** One audit record; its request, before and after snapshots open underneath. */
export function AuditRow({ row }: { row: Row }) {
  return (
    <tr>
      <td>
        <time dateTime={row.createdAt.toISOString()}>{row.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
      </td>
      <td>
        {row.actorEmail ?? row.actorType}
        {row.actorRole ? <span className={styles.muted}> ({row.actorRole})</span> : null}
        {row.apiKeyId ? <span className={styles.badge}>API key</span> : null}
      </td>
      <td>
        <code>{row.action}</code>
      </td>
      <td>{row.targetId ? `${row.targetType ?? ""} ${row.targetId}` : (row.targetType ?? "—")}</td>
      <td>
        <span className={styles[`outcome_${row.outcome}`] ?? styles.badge}>{row.outcome}</span>
      </td>
      <td>
        {row.status ?? "—"}
        {row.upstreamStatus ? <span className={styles.muted}> (K-LINK {row.upstreamStatus})</span> : null}
      </td>
      <td>
        <details>
          <summary>
            {row.method} {row.path}
          </summary>
          <dl className={styles.meta}>
            <dt>Connection</dt>
            <dd>{row.connectionId ?? "—"}</dd>
            <dt>Latency</dt>
            <dd>{row.latencyMs === null ? "—" : `${row.latencyMs} ms`}</dd>
            <dt>Request id</dt>
            <dd>{row.requestId ?? "—"}</dd>
            <dt>IP / user agent</dt>
            <dd>
              {row.ip ?? "—"} / {row.userAgent ?? "—"}
            </dd>
          </dl>
          <h3 className={styles.subhead}>Request</h3>
          <pre className={styles.json}>{json(row.details)}</pre>
          <div className={styles.beforeAfter}>
            <section>
              <h3 className={styles.subhead}>Before</h3>
              <pre className={styles.json}>{row.before === null ? "not captured (the cache did not hold it)" : json(row.before)}</pre>
            </section>
            <section>
              <h3 className={styles.subhead}>After (K-LINK&apos;s answer)</h3>
              <pre className={styles.json}>{json(row.after)}</pre>
            </section>
          </div>
        </details>
      </td>
    </tr>
  );
}
