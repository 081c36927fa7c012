// A contact as pages show it, from whatever K-LINK sent (endpoints.md "Shared object: Contact"):
// the fields pages read made readable, lists that may be missing or hold bare strings, nested
// objects that may be null or empty; every field K-LINK sent stays on the object as it came
// (custom fields included: read them with custom-fields.ts). Idempotent. Safe to import anywhere.
import { asArray, asBoolean, asPersonRef, asRecord, asTagRefs, asText, type PersonRef, type TagRef } from "./values";

export type ContactEmail = { id?: string | null; email: string; isPrimary: boolean };
export type ContactPhone = { id?: string | null; phone: string; isPrimary: boolean };
export type PlatformContact = {
  id: string;
  type: string | null;
  socialPlatformId: string | null;
  channelId: string | null;
};

export type Contact = {
  id: string;
  name?: string | null;
  address?: string | null;
  channel?: string | null;
  notes?: string | null;
  contactNumber?: string | null;
  socialProfileUrl?: string | null;
  contactProfile?: string | null;
  companyId?: string | null;
  company?: PersonRef | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  deletedAt?: string | null;
  tags: TagRef[];
  contactEmails: ContactEmail[];
  contactPhones: ContactPhone[];
  platformContacts: PlatformContact[];
  [key: string]: unknown;
};

const TEXT_FIELDS = [
  "name",
  "address",
  "channel",
  "notes",
  "contactNumber",
  "socialProfileUrl",
  "contactProfile",
  "companyId",
  "createdAt",
  "updatedAt",
  "deletedAt",
] as const;

/** An object without an id is still a contact to show (the page knows which one it asked for). */
export function normalizeContact(raw: unknown): Contact | null {
  const record = asRecord(raw);
  if (!record) return null;
  const contact: Contact = {
    ...record,
    id: asText(record.id) ?? "",
    tags: asTagRefs(record.tags),
    contactEmails: listOf(record.contactEmails, "email").map(([value, item]) => ({
      ...(item && "id" in item ? { id: asText(item.id) } : {}),
      email: value,
      isPrimary: asBoolean(item?.isPrimary),
    })),
    contactPhones: listOf(record.contactPhones, "phone").map(([value, item]) => ({
      ...(item && "id" in item ? { id: asText(item.id) } : {}),
      phone: value,
      isPrimary: asBoolean(item?.isPrimary),
    })),
    platformContacts: asArray(record.platformContacts).flatMap((item, index): PlatformContact[] => {
      const entry = asRecord(item);
      if (!entry) return [];
      return [
        {
          ...entry,
          id: asText(entry.id) ?? `#${index + 1}`,
          type: asText(entry.type),
          socialPlatformId: asText(entry.socialPlatformId),
          channelId: asText(entry.channelId),
        },
      ];
    }),
  };
  for (const key of TEXT_FIELDS) if (key in record) contact[key] = asText(record[key]);
  if ("company" in record) contact.company = asPersonRef(record.company);
  return contact;
}

/** Items of a list of objects holding `key`, or of bare strings: [the value, the object]. */
function listOf(value: unknown, key: string): [string, Record<string, unknown> | null][] {
  return asArray(value).flatMap((item): [string, Record<string, unknown> | null][] => {
    const record = asRecord(item);
    const text = asText(record ? record[key] : item);
    return text ? [[text, record]] : [];
  });
}
