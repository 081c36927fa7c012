// The columns of a list export. Every field a record carries gets a column: the documented ones
// in a fixed order, any other field K-LINK sent on the first page after them (as JSON when it is
// not plain text), then one column per custom field, labelled by its display name from the
// tenant's form fields (or from the record's own attribute.displayName). A custom field that
// appears only later in the export, after the header row is written, goes to the last column,
// "Other custom fields", as `label: value` pairs, so no value is ever dropped.
import { customFieldEntries, customFieldsOf, isCustomFieldsKey } from "../console/normalize/custom-fields";
import type { FormField } from "../console/normalize/form-field";
import { asArray, asRecord, asText, type JsonRecord } from "../console/normalize/values";
import { humanize } from "../console/ticket-field-model";

export type Column = { header: string; value: (record: JsonRecord) => unknown };

const nameOf = (value: unknown) => asText(asRecord(value)?.name ?? null) ?? asText(value);
const listOf = (value: unknown, pick: (item: JsonRecord) => unknown) =>
  asArray(value)
    .map((item) => asText(asRecord(item) ? pick(asRecord(item)!) : item))
    .filter(Boolean)
    .join("; ");

const plain = (key: string): Column => ({ header: key, value: (record) => record[key] });

const TICKET_COLUMNS: Column[] = [
  plain("ticketNumber"),
  plain("id"),
  plain("title"),
  plain("description"),
  plain("type"),
  plain("channel"),
  plain("priority"),
  plain("status"),
  plain("contactId"),
  { header: "contactName", value: (r) => nameOf(r.contact) },
  plain("creatorId"),
  plain("assigneeId"),
  { header: "assigneeName", value: (r) => nameOf(r.assignee) },
  plain("reasonToAssign"),
  { header: "tags", value: (r) => listOf(r.tags, (t) => t.name ?? t.id) },
  plain("createdAt"),
  plain("updatedAt"),
  plain("deletedAt"),
];
const TICKET_COVERED = ["contact", "assignee", "contact_id"];

const CONTACT_COLUMNS: Column[] = [
  plain("id"),
  plain("name"),
  { header: "emails", value: (r) => listOf(r.contactEmails, (e) => e.email) },
  { header: "phones", value: (r) => listOf(r.contactPhones, (p) => p.phone) },
  plain("contactNumber"),
  plain("address"),
  plain("channel"),
  plain("notes"),
  plain("companyId"),
  { header: "companyName", value: (r) => nameOf(r.company) },
  { header: "tags", value: (r) => listOf(r.tags, (t) => t.name ?? t.id) },
  {
    header: "platformContacts",
    value: (r) => listOf(r.platformContacts, (p) => [p.type, p.socialPlatformId].filter(Boolean).join(":")),
  },
  plain("socialProfileUrl"),
  plain("contactProfile"),
  plain("createdAt"),
  plain("updatedAt"),
  plain("deletedAt"),
];
const CONTACT_COVERED = ["company", "contactEmails", "contactPhones"];

export const OTHER_CUSTOM_FIELDS = "Other custom fields";

export type ExportKind = "tickets" | "contacts";

export function exportColumns(kind: ExportKind, fields: readonly FormField[], firstPage: JsonRecord[]): Column[] {
  const own = kind === "tickets" ? TICKET_COLUMNS : CONTACT_COLUMNS;
  const covered = new Set([...own.map((c) => c.header), ...(kind === "tickets" ? TICKET_COVERED : CONTACT_COVERED)]);
  const extraKeys = [...new Set(firstPage.flatMap((record) => Object.keys(record)))].filter(
    (key) => !covered.has(key) && !isCustomFieldsKey(key),
  );

  // Custom fields: the tenant's definitions first (their order), then any the first page names.
  const labels = new Map<string, string>();
  for (const field of fields)
    if (field.system_name.startsWith("cf_"))
      labels.set(field.system_name, field.display_name || humanize(field.system_name));
  for (const record of firstPage)
    for (const entry of customFieldEntries(customFieldsOf(record)))
      if (!labels.has(entry.key)) labels.set(entry.key, entry.label || humanize(entry.key));

  const taken = new Set([...own.map((c) => c.header), ...extraKeys]);
  const customColumns: Column[] = [...labels].map(([key, label]) => {
    // Two fields with one display name (or a name like a built-in column) stay apart.
    const header = taken.has(label) ? `${label} (${key})` : label;
    taken.add(header);
    return { header, value: (record) => customValues(record).get(key) };
  });
  const other: Column = {
    header: OTHER_CUSTOM_FIELDS,
    value: (record) =>
      customFieldEntries(customFieldsOf(record))
        .filter((entry) => !labels.has(entry.key))
        .map((entry) => `${entry.label || entry.key}: ${asText(entry.value) ?? ""}`)
        .join("; "),
  };
  return [...own, ...extraKeys.map(plain), ...customColumns, other];
}

// One parse of a record's custom fields per record, whatever the number of custom columns.
const parsed = new WeakMap<JsonRecord, Map<string, unknown>>();
function customValues(record: JsonRecord): Map<string, unknown> {
  let values = parsed.get(record);
  if (!values) {
    values = new Map(customFieldEntries(customFieldsOf(record)).map((entry) => [entry.key, entry.value]));
    parsed.set(record, values);
  }
  return values;
}
