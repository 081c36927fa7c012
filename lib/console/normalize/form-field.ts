// A tenant's form field (tickets.fields, contacts.fields: `{system_name, display_name, type,
// is_archived, options[{value, label}]}`, endpoints.md §4) as forms and labels use it, from
// whatever K-LINK sent: camelCase spellings read too, flags as booleans, options given as bare
// values read as options, and a field without a type that has options taken for a select.
// Safe to import anywhere.
import { asArray, asBoolean, asRecord, asText, firstOf } from "./values";

export type FieldOption = { value: string; label?: string | null; is_default?: boolean | null };

export type FormField = {
  id: string;
  system_name: string;
  display_name?: string | null;
  type: string;
  is_default?: boolean | null;
  is_archived?: boolean | null;
  is_required?: boolean | null;
  is_unique?: boolean | null;
  options?: FieldOption[] | null;
  [key: string]: unknown;
};

const FLAGS = {
  is_default: ["is_default", "isDefault"],
  is_archived: ["is_archived", "isArchived"],
  is_required: ["is_required", "isRequired"],
  is_unique: ["is_unique", "isUnique"],
} as const;

/** null for a field without a system name: nothing could be set or labelled by it. */
export function normalizeFormField(raw: unknown): FormField | null {
  const record = asRecord(raw);
  if (!record) return null;
  const systemName = asText(firstOf(record, ["system_name", "systemName", "name", "key"]));
  if (!systemName) return null;
  const options = asArray(record.options).flatMap(normalizeOption);
  const field: FormField = {
    ...record,
    id: asText(record.id) ?? systemName,
    system_name: systemName,
    display_name: asText(firstOf(record, ["display_name", "displayName", "label"])),
    type: asText(record.type) ?? (options.length ? "select" : "text"),
    options,
  };
  for (const [flag, spellings] of Object.entries(FLAGS)) {
    const value = firstOf(record, spellings);
    if (value !== undefined) field[flag] = asBoolean(value);
  }
  return field;
}

function normalizeOption(raw: unknown): FieldOption[] {
  const record = asRecord(raw);
  const value = asText(record ? (record.value ?? record.id ?? record.label) : raw);
  if (value === null) return [];
  if (!record) return [{ value, label: value }];
  return [
    {
      ...record,
      value,
      label: asText(record.label ?? record.name),
      ...("is_default" in record ? { is_default: asBoolean(record.is_default) } : {}),
    },
  ];
}
