// Reading single values out of a K-LINK answer whose shape is not guaranteed
// (shared/klink-api/README.md §13: a 2xx answer is used whatever its shape). Each reader returns
// what a page can show, or null when there is nothing; a value that is there but of another kind
// is kept readable (a number written out, an object as raw JSON) instead of being dropped. Safe
// to import anywhere.

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text to show: strings as they are, numbers and booleans written out, anything else as raw JSON. */
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** A number from a number or a numeric string ("38001"); null otherwise. */
export function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A count or size: a whole number of 0 or more, else null. */
export function asCount(value: unknown): number | null {
  const n = asNumber(value);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** A number when it reads as one, else the value as text (shown raw), else null. */
export function asNumberOrText(value: unknown): number | string | null {
  return asNumber(value) ?? asText(value);
}

export function asBoolean(value: unknown): boolean {
  return value === true || value === "true" || value === 1 || value === "1";
}

/** The first of several spellings of a field that is present (customFields, custom_fields …). */
export function firstOf(record: JsonRecord, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

/** A nested object (contact, assignee …) that may be missing, null, empty or not an object: its id and name as text, every field kept. */
export type PersonRef = { id: string | null; name: string | null; email?: string | null; [key: string]: unknown };

export function asPersonRef(value: unknown): PersonRef | null {
  const record = asRecord(value);
  if (!record) return value === null || value === undefined ? null : { id: asText(value), name: null };
  return {
    ...record,
    id: asText(record.id),
    name: asText(record.name),
    ...("email" in record ? { email: asText(record.email) } : {}),
  };
}

export type TagRef = { id: string; name: string };

/** Tags as objects `{id, name}` or as bare names or ids. */
export function asTagRefs(value: unknown): TagRef[] {
  return asArray(value).flatMap((item): TagRef[] => {
    const record = asRecord(item);
    const id = asText(record ? (record.id ?? record.name) : item);
    const name = asText(record ? (record.name ?? record.id) : item);
    return id !== null && name !== null ? [{ id, name }] : [];
  });
}
