// One audit record as a table row; its request, before and after snapshots open underneath.
import type { listAudit } from "@/lib/audit/list-audit";
import ui from "@/components/ui/ui.module.css";
import styles from "./admin.module.css";

type Row = Awaited<ReturnType<typeof listAudit>>["data"][number];

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

const OUTCOME_TONE: Record<string, string> = {
  success: "tone-green",
  failure: "tone-red",
  denied: "tone-amber",
  invalid: "tone-amber",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`${ui.badge} ${ui[OUTCOME_TONE[outcome] ?? ""] ?? ""}`}>{outcome}</span>;
}

export function AuditRow({ row, connectionName }: { row: Row; connectionName?: string }) {
  return (
    <tr>
      <td className={ui.nowrap}>
        <time dateTime={row.createdAt.toISOString()}>{row.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
      </td>
      <td>
        {row.actorEmail ?? row.actorType}
        {row.actorRole ? <span className={ui.muted}> ({row.actorRole})</span> : null}
        {row.apiKeyId ? (
          <>
            {" "}
            <span className={`${ui.badge} ${ui["tone-violet"]}`}>API key</span>
          </>
        ) : null}
      </td>
      <td>
        <code>{row.action}</code>
      </td>
      <td>{row.targetId ? `${row.targetType ?? ""} ${row.targetId}` : (row.targetType ?? "—")}</td>
      <td>
        <OutcomeBadge outcome={row.outcome} />
      </td>
      <td className={ui.nowrap}>
        {row.status ?? "—"}
        {row.upstreamStatus ? <span className={ui.muted}> (K-LINK {row.upstreamStatus})</span> : null}
      </td>
      <td>
        <details className={styles.rowDetails}>
          <summary>
            Details
            <span className={ui.srOnly}>
              {" "}
              of {row.action} at {row.createdAt.toISOString()}
            </span>
          </summary>
          <dl className={styles.meta}>
            <dt>Request</dt>
            <dd>{row.method || row.path ? `${row.method ?? ""} ${row.path ?? ""}`.trim() : "—"}</dd>
            <dt>Connection</dt>
            <dd>{connectionName ? `${connectionName} (${row.connectionId})` : (row.connectionId ?? "—")}</dd>
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
          <pre className={styles.json} tabIndex={0}>
            {json(row.details)}
          </pre>
          <div className={styles.beforeAfter}>
            <section>
              <h3 className={styles.subhead}>Before</h3>
              <pre className={styles.json} tabIndex={0}>
                {row.before === null ? "not captured (the cache did not hold it)" : json(row.before)}
              </pre>
            </section>
            <section>
              <h3 className={styles.subhead}>After</h3>
              <pre className={styles.json} tabIndex={0}>
                {json(row.after)}
              </pre>
            </section>
          </div>
        </details>
      </td>
    </tr>
  );
}
