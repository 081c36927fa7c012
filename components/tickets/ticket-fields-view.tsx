// Every field of a ticket, read-only: the tenant's own fields in the tenant's order with its
// labels, then the ticket's other fields, then its custom fields (in whichever form K-LINK sent
// them, labelled with K-LINK's own attribute.displayName, else the form field's, else the key).
// A field the console does not know (K-LINK may add some; a tenant may drop a custom field) is
// still shown, by its key, and a value it cannot read is shown raw.
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import { customFieldEntries, customFieldsOf, isCustomFieldsKey } from "@/lib/console/normalize/custom-fields";
import {
  customFieldDefs,
  displayValue,
  humanize,
  isCustomFieldKey,
  kindOf,
  labelOf,
  optionLabel,
  type FormField,
  type Ticket,
} from "@/lib/console/ticket-field-model";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";

/** Shown elsewhere on the page (header, description, contact card, tags, custom fields). */
const SHOWN_ELSEWHERE = new Set(["title", "description", "status", "contact", "contactId", "tags", "customFields"]);
const LABELS: Record<string, string> = {
  ticketNumber: "Number",
  id: "Ticket id",
  assignee: "Assignee",
  creator: "Created by",
  reasonToAssign: "Reason to assign",
  createdAt: "Created",
  updatedAt: "Updated",
  deletedAt: "Deleted",
};
/** A reference shown once, with its object: assigneeId is folded into assignee. */
const FOLDED: Record<string, string> = { assigneeId: "assignee", creatorId: "creator" };
const LEADING = [
  "ticketNumber",
  "priority",
  "channel",
  "type",
  "assignee",
  "reasonToAssign",
  "creator",
  "createdAt",
  "updatedAt",
];
const TRAILING = ["deletedAt", "id"];

function orderedKeys(ticket: Ticket, fields: readonly FormField[]): string[] {
  // A ticket that is not deleted has deletedAt null: nothing worth a row.
  const present = Object.keys(ticket).filter(
    (key) =>
      !SHOWN_ELSEWHERE.has(key) &&
      !isCustomFieldsKey(key) &&
      !(FOLDED[key] && ticket[FOLDED[key]]) &&
      !(key === "deletedAt" && !ticket.deletedAt),
  );
  const fromForm = fields
    .map((f) => f.system_name)
    .filter((key) => !isCustomFieldKey(key) && !SHOWN_ELSEWHERE.has(key));
  const order = [
    ...new Set([
      ...LEADING.slice(0, 1),
      ...fromForm,
      ...LEADING,
      ...present.filter((k) => !TRAILING.includes(k)).sort(),
      ...TRAILING,
    ]),
  ];
  return order.filter((key) => present.includes(key) || fromForm.includes(key));
}

function Agent({ value, id }: { value: unknown; id: unknown }) {
  const agent = value && typeof value === "object" ? (value as { name?: unknown; email?: unknown; id?: unknown }) : {};
  const name = typeof agent.name === "string" && agent.name ? agent.name : undefined;
  const email = typeof agent.email === "string" && agent.email ? agent.email : undefined;
  if (!name && !email) return <>{agent.id ? String(agent.id) : typeof id === "string" && id ? id : "—"}</>;
  return (
    <>
      {name ?? email}
      {name && email ? <span className={styles.agentEmail}>{email}</span> : null}
    </>
  );
}

function SystemValue({ name, ticket, fields }: { name: string; ticket: Ticket; fields: readonly FormField[] }) {
  const value = ticket[name];
  if (name === "assignee" || name === "creator") return <Agent value={value} id={ticket[`${name}Id`]} />;
  if (/At$/.test(name) && (typeof value === "string" || value === null || value === undefined))
    return <Timestamp value={value as string | null | undefined} />;
  if (name === "priority") return <Badge value={optionLabel(fields, name, value as string | null)} />;
  if (name === "id" || /Id$/.test(name)) return <code className={styles.code}>{displayValue(value)}</code>;
  if (kindOf(fields.find((f) => f.system_name === name)) === "select" && typeof value === "string")
    return <>{optionLabel(fields, name, value)}</>;
  return <>{displayValue(value)}</>;
}

export function customValueText(field: FormField | undefined, value: unknown, fields: readonly FormField[]): string {
  const kind = kindOf(field);
  if (field && kind === "select" && typeof value === "string") return optionLabel(fields, field.system_name, value);
  if (field && kind === "multiselect" && Array.isArray(value))
    return value.length ? value.map((v) => optionLabel(fields, field.system_name, String(v))).join(", ") : "—";
  return displayValue(value);
}

export function TicketFieldsView({ ticket, fields }: { ticket: Ticket; fields: readonly FormField[] }) {
  const entries = new Map(customFieldEntries(customFieldsOf(ticket)).map((entry) => [entry.key, entry]));
  const defined = customFieldDefs(fields);
  const archivedWithValue = fields.filter(
    (f) => isCustomFieldKey(f.system_name) && f.is_archived && entries.has(f.system_name),
  );
  const unknown = [...entries.values()].filter((entry) => !fields.some((f) => f.system_name === entry.key));
  return (
    <div className={styles.fieldGroups}>
      <dl className={styles.props} aria-label="Ticket fields">
        {orderedKeys(ticket, fields).map((key) => (
          <div key={key} className={key === "id" ? styles.propWide : undefined}>
            <dt>{labelOf(fields, key, LABELS[key])}</dt>
            <dd>
              <SystemValue name={key} ticket={ticket} fields={fields} />
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className={styles.subheading}>Custom fields</h3>
        {defined.length + archivedWithValue.length + unknown.length === 0 ? (
          <p className={ui.muted}>This tenant defines no custom ticket fields.</p>
        ) : (
          <dl className={styles.props} aria-label="Custom fields">
            {[...defined, ...archivedWithValue].map((field) => (
              <div key={field.system_name}>
                <dt>
                  {entries.get(field.system_name)?.label || field.display_name || humanize(field.system_name)}
                  {field.is_archived ? <span className={styles.fieldNote}> (archived)</span> : null}
                </dt>
                <dd>{customValueText(field, entries.get(field.system_name)?.value, fields)}</dd>
              </div>
            ))}
            {unknown.map((entry) => (
              <div key={entry.key}>
                <dt>
                  {entry.label || humanize(entry.key)}{" "}
                  <span className={styles.fieldNote}>({entry.key}, not among this tenant&apos;s fields)</span>
                </dt>
                <dd>{displayValue(entry.value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}
