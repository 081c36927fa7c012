// CX log rows (interactions: a chat, a call, a mail thread), for the CX logs page and a contact's
// page. Times are shown in the zone the logs were asked for. Renders on the server or inside a
// client island alike (no hooks).
import Link from "next/link";
import type { CxLog } from "@/lib/console/normalize/cx-log";
import { formatDuration, formatInZone } from "@/lib/console/zoned-time";
import { Badge } from "@/components/ui/badge";
import ui from "@/components/ui/ui.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export type { CxLog };

/** SLA words are the tenant's; only well-known ones get a colour (shared/klink-api/README.md §9: "meet" seen). */
function SlaBadge({ value }: { value: string | null | undefined }) {
  if (!value) return <span className={ui.muted}>—</span>;
  const tone = /^(meet|met|within|ok)$/i.test(value)
    ? ui["tone-green"]
    : /breach|miss|violat|late/i.test(value)
      ? ui["tone-red"]
      : "";
  return <span className={`${ui.badge} ${tone}`}>{value}</span>;
}

const agentOf = (log: CxLog) =>
  log.agent?.name || log.closedAssignee?.name || log.firstAssignee?.name || log.agent?.email || null;

export function CxLogTable({
  logs,
  timeZone,
  label,
  showContact = true,
  rowKeys = false,
}: {
  logs: CxLog[];
  timeZone: string;
  label: string;
  showContact?: boolean;
  rowKeys?: boolean;
}) {
  return (
    // Wide: the frame scrolls sideways, so it takes the keyboard focus to be scrolled with arrow keys.
    <div className={ui.tableWrap} role="region" aria-label={label} tabIndex={0}>
      <table className={ui.table} aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Started ({timeZone})</th>
            {showContact ? <th scope="col">Contact</th> : null}
            <th scope="col">Channel</th>
            <th scope="col">Direction</th>
            <th scope="col">Agent</th>
            <th scope="col">Queue</th>
            <th scope="col">Disposition</th>
            <th scope="col">SLA</th>
            <th scope="col" className={ui.numeric}>
              First response
            </th>
            <th scope="col" className={ui.numeric}>
              Handled
            </th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => {
            const contactId = log.contactId ?? log.contact?.id;
            return (
              <tr key={log.id} data-list-row={rowKeys || undefined}>
                <td className={ui.nowrap}>
                  <time dateTime={log.startedDate ?? undefined} title={log.startedDate ?? undefined}>
                    {formatInZone(log.startedDate ?? log.createdAt, timeZone)}
                  </time>
                  {log.caseId !== null && log.caseId !== undefined ? (
                    <div className={ui.muted}>Case {log.caseId}</div>
                  ) : null}
                </td>
                {showContact ? (
                  <td>
                    {contactId ? (
                      <Link href={`/contacts/${uriComponent(contactId)}`}>{log.contact?.name || contactId}</Link>
                    ) : (
                      <span className={ui.muted}>—</span>
                    )}
                    {log.customerPhone ? <div className={ui.muted}>{log.customerPhone}</div> : null}
                  </td>
                ) : null}
                <td>
                  <Badge value={log.channel ?? log.channelType} />
                </td>
                <td>{log.direction ?? <span className={ui.muted}>—</span>}</td>
                <td>{agentOf(log) ?? <span className={ui.muted}>—</span>}</td>
                <td>{log.queueName ?? <span className={ui.muted}>—</span>}</td>
                <td>{log.disposition ?? <span className={ui.muted}>—</span>}</td>
                <td>
                  <SlaBadge value={log.slaStatus} />
                </td>
                <td className={`${ui.numeric} ${ui.nowrap}`}>{formatDuration(log.firstResponseTime)}</td>
                <td className={`${ui.numeric} ${ui.nowrap}`}>
                  {formatDuration(log.fullHandledTime ?? log.handledTime)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
