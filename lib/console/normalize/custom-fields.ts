// Custom field values in every form K-LINK may send them (shared/klink-api/README.md §8,
// endpoints.md "Shared object: Ticket"): the documented array of value objects `{id, textValue,
// attribute: {systemName, displayName, type}}`, the object map `{cf_x: value}` that create and
// update take, and the old contact model's `[{name, value}]`; under `customFields` or
// `custom_fields`. Safe to import anywhere.
import { asRecord, asText, firstOf, type JsonRecord } from "./values";

export type CustomFieldEntry = {
  /** The field's system name (cf_…), or the best name the answer gives. */
  key: string;
  /** K-LINK's own label for it (attribute.displayName), when the answer carries one. */
  label: string | null;
  /** The value; the whole item (shown raw) when no value could be read from it. */
  value: unknown;
  /** The field type the answer names (attribute.type), when it names one. */
  type: string | null;
};

const SPELLINGS = ["customFields", "custom_fields"] as const;

/** A record's custom fields as K-LINK sent them, under either spelling. */
export function customFieldsOf(record: JsonRecord): unknown {
  return firstOf(record, SPELLINGS);
}

/** Whether a key of a record holds its custom fields (shown in their own section, not as a field). */
export const isCustomFieldsKey = (key: string) => (SPELLINGS as readonly string[]).includes(key);

export function customFieldEntries(source: unknown): CustomFieldEntry[] {
  if (Array.isArray(source)) return source.map(entryOfItem);
  const map = asRecord(source);
  if (!map) return [];
  return Object.entries(map).map(([key, value]) => ({ key, label: null, value, type: null }));
}

/** The map form `{cf_x: value}` (what the edit forms start from and send). */
export function customFieldMap(source: unknown): Record<string, unknown> {
  return Object.fromEntries(customFieldEntries(source).map((entry) => [entry.key, entry.value]));
}

function entryOfItem(item: unknown, index: number): CustomFieldEntry {
  const record = asRecord(item);
  if (!record) return { key: `#${index + 1}`, label: null, value: item, type: null };
  const attribute = asRecord(record.attribute) ?? {};
  const key =
    asText(firstOf(attribute, ["systemName", "system_name"])) ??
    asText(record.name) ??
    asText(firstOf(attribute, ["id"])) ??
    asText(record.id) ??
    `#${index + 1}`;
  return {
    key,
    label: asText(firstOf(attribute, ["displayName", "display_name"])),
    value: valueOf(record),
    type: asText(attribute.type),
  };
}

/** textValue (documented); other `…Value` keys K-LINK may use for other types; `value` (old model); else the item. */
function valueOf(record: JsonRecord): unknown {
  if ("textValue" in record && record.textValue !== null) return record.textValue;
  const typed = Object.keys(record).find((k) => /^[a-z]+Value$/.test(k) && record[k] !== null);
  if (typed) return record[typed];
  if ("value" in record) return record.value;
  if ("textValue" in record) return null;
  return record;
}
