// What the console knows about a tenant's ticket fields, read from the Form Fields endpoint
// (tickets.fields): labels, types, select options and their order. Never a hard-coded list of
// values (shared/klink-api/README.md §13): a field or option the tenant does not define is still shown as it came.
// Safe to import in client components.
import type { FormField } from "./normalize/form-field";
import type { Ticket } from "./normalize/ticket";

export type { FormField, Ticket };
export type FieldOption = { value: string; label: string };

/** How a field is edited. Tenants name types freely; anything unknown is edited as text. */
export type FieldKind = "text" | "textarea" | "number" | "date" | "select" | "multiselect" | "checkbox";

const KINDS: [RegExp, FieldKind][] = [
  [/^(multi[-_ ]?select|multiple[-_ ]?choice|multi[-_ ]?choice|tags?)$/i, "multiselect"],
  [/^(select|dropdown|radio|choice|single[-_ ]?select)$/i, "select"],
  [/^(checkbox|boolean|bool|toggle|switch)$/i, "checkbox"],
  [/^(number|numeric|integer|decimal|float|currency)$/i, "number"],
  [/^date$/i, "date"],
  [/^(textarea|long[-_ ]?text|paragraph|multiline)$/i, "textarea"],
];

export function kindOf(field: Pick<FormField, "type"> | undefined): FieldKind {
  if (!field) return "text";
  return KINDS.find(([pattern]) => pattern.test(field.type.trim()))?.[1] ?? "text";
}

/** Custom field keys start with cf_ (shared/klink-api/README.md §8); everything else is a ticket's own field. */
export const isCustomFieldKey = (key: string) => key.startsWith("cf_");

export function fieldNamed(fields: readonly FormField[], systemName: string): FormField | undefined {
  return fields.find((f) => f.system_name === systemName);
}

export function optionsOf(fields: readonly FormField[], systemName: string): FieldOption[] {
  return (fieldNamed(fields, systemName)?.options ?? []).map((o) => ({ value: o.value, label: o.label || o.value }));
}

/** The options, plus the current value when the tenant no longer offers it (it is still shown). */
export function optionsWith(options: FieldOption[], current: string | null | undefined): FieldOption[] {
  if (!current || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: `${current} (not an option)` }];
}

export function labelOf(fields: readonly FormField[], key: string, fallback?: string): string {
  return fieldNamed(fields, key)?.display_name || fallback || humanize(key);
}

/** "cf_order_value" → "Order value", "reasonToAssign" → "Reason to assign". */
export function humanize(key: string): string {
  const words = key
    .replace(/^cf_/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** The label of a select value (the tenant's own wording), else the value itself. */
export function optionLabel(
  fields: readonly FormField[],
  systemName: string,
  value: string | null | undefined,
): string {
  if (!value) return "—";
  return optionsOf(fields, systemName).find((o) => o.value === value)?.label ?? value;
}

/** The position of a value among a select field's options, for ordering (unknown values last). */
export function optionRank(
  fields: readonly FormField[],
  systemName: string,
): (value: string | null | undefined) => number {
  const order = new Map(optionsOf(fields, systemName).map((o, i) => [o.value.toLowerCase(), i]));
  return (value) => (value ? (order.get(value.toLowerCase()) ?? order.size) : order.size + 1);
}

/** The editable, not archived custom fields, in the tenant's order. */
export function customFieldDefs(fields: readonly FormField[]): FormField[] {
  return fields.filter((f) => isCustomFieldKey(f.system_name) && !f.is_archived);
}

/** A value as text for reading (objects and lists kept readable, nothing dropped). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value))
    return value.length ? value.map((v) => (typeof v === "object" && v ? nameOf(v) : String(v))).join(", ") : "—";
  if (typeof value === "object") return nameOf(value as Record<string, unknown>);
  return String(value);
}

function nameOf(value: object): string {
  const record = value as Record<string, unknown>;
  const name = record.name ?? record.label ?? record.value ?? record.email;
  return typeof name === "string" && name ? name : JSON.stringify(value);
}
