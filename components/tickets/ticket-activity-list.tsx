// A ticket's activity, newest first: K-LINK webhook deliveries about it (what changed, and how
// the console processed the delivery) and changes made through the console (who, and whether
// K-LINK accepted them).
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import { labelOf, type FormField } from "@/lib/console/ticket-field-model";
import type { TicketActivity } from "@/lib/console/ticket-activity";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

const WEBHOOK_KINDS: Record<string, string> = {
  "ticket.create": "Created in K-LINK",
  "ticket.update": "Updated in K-LINK",
  "ticket.delete": "Deleted in K-LINK",
};
const CONSOLE_KINDS: Record<string, string> = {
  "ticket.create": "Created in the console",
  "ticket.update": "Edited in the console",
  "ticket.update_status": "Status changed in the console",
};

function title(entry: TicketActivity["entries"][number]): string {
  if (entry.source === "console") return CONSOLE_KINDS[entry.kind] ?? `${entry.kind} in the console`;
  return WEBHOOK_KINDS[entry.kind] ?? `${entry.kind} (webhook)`;
}

/** Outcomes and processing states as badge words (success/processed read as done, failure as urgent). */
function stateWord(state: string): string {
  return { success: "done", failure: "failed", denied: "denied", invalid: "invalid" }[state] ?? state;
}

export function TicketActivityList({
  activity,
  fields,
}: {
  activity: TicketActivity | null;
  fields: readonly FormField[];
}) {
  if (!activity) return <p className={ui.muted}>Activity is shown once a K-LINK connection is configured.</p>;
  if (!activity.entries.length) {
    return (
      <p className={ui.muted}>
        Nothing yet. Changes to this ticket appear here as K-LINK reports them (webhooks) and as staff make them in the
        console.
      </p>
    );
  }
  return (
    <>
      <ol className={styles.timeline} aria-label="Ticket activity, newest first">
        {activity.entries.map((entry) => (
          <li key={`${entry.source}-${entry.id}`} className={styles.timelineItem} data-source={entry.source}>
            <span className={styles.timelineDot} aria-hidden="true" />
            <div className={styles.timelineBody}>
              <div className={styles.timelineHead}>
                <strong>{title(entry)}</strong>
                <Badge value={stateWord(entry.state)} label={entry.source === "webhook" ? "Processing" : "Outcome"} />
                <span className={styles.timelineMeta}>
                  <Timestamp value={entry.at.toISOString()} />
                  {entry.actor ? ` · ${entry.actor}` : entry.source === "webhook" ? ` · ${entry.kind}` : ""}
                </span>
              </div>
              {entry.changes.length ? (
                <ul className={styles.changes}>
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      <span className={styles.changeField}>{labelOf(fields, change.field)}</span>{" "}
                      {change.from !== undefined ? (
                        <>
                          <span className={styles.changeFrom}>{change.from}</span>{" "}
                          <span aria-label="changed to">→</span>{" "}
                        </>
                      ) : null}
                      <span className={styles.changeTo}>{change.to}</span>
                    </li>
                  ))}
                </ul>
              ) : entry.source === "webhook" ? (
                <p className={styles.fieldNote}>No tracked field changed.</p>
              ) : null}
              {entry.note ? <p className={styles.failText}>{entry.note}</p> : null}
            </div>
          </li>
        ))}
      </ol>
      {activity.truncated ? (
        <p className={styles.fieldNote}>Only the latest {activity.entries.length} entries are shown.</p>
      ) : null}
    </>
  );
}
