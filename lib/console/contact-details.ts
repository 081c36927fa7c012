// How a K-LINK contact is presented: its e-mails and phones, custom fields labelled from the
// tenant's form fields (unknown ones are still shown), groups, and whatever else K-LINK sent that
// the console has no place for — tolerant parsing means nothing K-LINK sends is dropped.
// Safe to import anywhere.
import { customFieldEntries, isCustomFieldsKey } from "./normalize/custom-fields";
import type { Contact } from "./normalize/contact";
import type { FormField } from "./normalize/form-field";
import type { ContactGroup } from "./normalize/reference";

export type { Contact, ContactGroup, FormField };

/** Primary first, each address once. */
export function emailsOf(contact: Pick<Contact, "contactEmails">): string[] {
  const emails = [...(contact.contactEmails ?? [])].sort(
    (a, b) => Number(Boolean(b.isPrimary)) - Number(Boolean(a.isPrimary)),
  );
  return [...new Set(emails.map((e) => e.email).filter(Boolean))];
}

/** Primary first, then contactNumber when it is not one of them. */
export function phonesOf(contact: Pick<Contact, "contactPhones" | "contactNumber">): string[] {
  const phones = [...(contact.contactPhones ?? [])]
    .sort((a, b) => Number(Boolean(b.isPrimary)) - Number(Boolean(a.isPrimary)))
    .map((p) => p.phone);
  if (contact.contactNumber) phones.push(contact.contactNumber);
  return [...new Set(phones.filter(Boolean))];
}

/** Custom field keys start with cf_ (shared/klink-api/README.md §8); tenants may also mark them non-default. */
export function isCustomField(field: Pick<FormField, "system_name" | "is_default">): boolean {
  return field.system_name.startsWith("cf_") || field.is_default === false;
}

export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

export type CustomFieldRow = {
  key: string;
  label: string;
  /** The form field's type (text, date, select …); undefined for a field the tenant does not list. */
  type?: string;
  value: string;
  known: boolean;
  archived: boolean;
};

/**
 * The tenant's custom fields in form order (archived ones only when set), then any other field the
 * contact carries. Labels: K-LINK's own (attribute.displayName), else the form field's, else the key.
 */
export function customFieldRows(customFields: unknown, fields: readonly FormField[]): CustomFieldRow[] {
  const entries = new Map(customFieldEntries(customFields).map((entry) => [entry.key, entry]));
  const rows: CustomFieldRow[] = [];
  for (const field of fields) {
    if (!isCustomField(field)) continue;
    const entry = entries.get(field.system_name);
    entries.delete(field.system_name);
    const value = entry?.value;
    const set = value !== undefined && value !== null && value !== "";
    if (field.is_archived && !set) continue;
    const option = field.options?.find((o) => o.value === value);
    rows.push({
      key: field.system_name,
      label: entry?.label || field.display_name || field.system_name,
      type: field.type,
      value: option?.label ? option.label : displayValue(value),
      known: true,
      archived: Boolean(field.is_archived),
    });
  }
  for (const entry of entries.values()) {
    rows.push({
      key: entry.key,
      label: entry.label || entry.key,
      ...(entry.type ? { type: entry.type } : {}),
      value: displayValue(entry.value),
      known: false,
      archived: false,
    });
  }
  return rows;
}

const GROUP_KEYS = ["groups", "contactGroups", "groupIds", "contactGroupIds"] as const;

/**
 * The groups a contact is in, named from the group list. K-LINK's contact examples carry no group
 * membership at all, so every plausible spelling is read: ids, or objects with an id and/or name.
 */
export function contactGroupsOf(
  contact: Record<string, unknown>,
  groups: readonly ContactGroup[],
): { id?: string; name: string; known: boolean }[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const found: { id?: string; name: string; known: boolean }[] = [];
  for (const key of GROUP_KEYS) {
    const list = contact[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const record = item && typeof item === "object" ? (item as Record<string, unknown>) : null;
      const id =
        typeof item === "string"
          ? item
          : typeof record?.id === "string"
            ? record.id
            : typeof record?.groupId === "string"
              ? record.groupId
              : undefined;
      const named = typeof record?.name === "string" ? record.name : undefined;
      const group = id ? byId.get(id) : undefined;
      if (!id && !named) continue;
      found.push({ id, name: group?.name ?? named ?? id!, known: Boolean(group) });
    }
  }
  return [...new Map(found.map((g) => [g.id ?? g.name, g])).values()];
}

/** Fields the contact page shows in their own places. */
const SHOWN = new Set([
  "id",
  "name",
  "address",
  "channel",
  "notes",
  "contactNumber",
  "socialProfileUrl",
  "contactProfile",
  "companyId",
  "company",
  "tags",
  "contactEmails",
  "contactPhones",
  "platformContacts",
  "createdAt",
  "updatedAt",
  "deletedAt",
  ...GROUP_KEYS,
]);

/** Everything else K-LINK sent with the contact, with a value. */
export function otherContactFields(contact: Record<string, unknown>): [string, string][] {
  return Object.entries(contact)
    .filter(
      ([key, value]) =>
        !SHOWN.has(key) && !isCustomFieldsKey(key) && value !== null && value !== undefined && value !== "",
    )
    .map(([key, value]) => [key, displayValue(value)]);
}
