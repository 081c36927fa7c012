import type { Metadata } from "next";
import Link from "next/link";
import { listAuditForAdmin } from "@/lib/audit/admin-audit";
import { AUDIT_OUTCOMES, auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { zodFieldErrors } from "@/lib/http/errors";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AuditRow } from "./audit-row";
import styles from "./audit.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = [
  { name: "actor", label: "Actor (e-mail or id)" },
  { name: "action", label: "Action", placeholder: "ticket.update_status" },
  { name: "target", label: "Target id" },
  { name: "connection", label: "Connection id" },
] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    const page = parsed.success ? await listAuditForAdmin(actor, auditFilterOf(parsed.data), { cursor: parsed.data.cursor, limit: parsed.data.limit ?? 50 }) : null;
  const filterParams = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "cursor"));
  const nextParams = new URLSearchParams(filterParams);
  if (page?.nextCursor) nextParams.set("cursor", page.nextCursor);

  return (
    <main className={styles.page}>
      <h1>Audit log</h1>
      <p className={styles.hint}>Every change made through the console: who, what, when, and how it ended. Newest first.</p>
      <form className={styles.filters} method="get" aria-label="Filter the audit log">
        {FILTERS.map((f) => (
          <label key={f.name} className={styles.field}>
            {f.label}
            <input name={f.name} defaultValue={raw[f.name] ?? ""} placeholder={"placeholder" in f ? f.placeholder : undefined} />
            {errors[f.name] ? <span className={styles.error}>{errors[f.name].join("; ")}</span> : null}
          </label>
        ))}
        <label className={styles.field}>
          Outcome
          <select name="outcome" defaultValue={raw.outcome ?? ""}>
            <option value="">any</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        {(["from", "to"] as const).map((name) => (
          <label key={name} className={styles.field}>
            {name === "from" ? "From" : "To"}
            <input name={name} type="date" defaultValue={raw[name] ?? ""} />
            {errors[name] ? <span className={styles.error}>{errors[name].join("; ")}</span> : null}
          </label>
        ))}
        <button className={styles.button} type="submit">
          Filter
        </button>
        <a className={styles.plain} href={`/api/admin/audit/export?${filterParams}`}>
          Export CSV
        </a>
      </form>
      {page ? (
        <>
          <table className={styles.table}>
            <caption>{page.data.length ? `${page.data.length} record(s)${raw.cursor ? " (continued)" : ""}` : "No records match."}</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
                <th scope="col">Status</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((row) => (
                <AuditRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
          {page.nextCursor ? (
            <p>
              <Link href={`/admin/audit?${nextParams}`}>Older records →</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
