// Tags, channels, contact groups and categories as the reference pages show them, from whatever
// K-LINK sent (every field kept; names and counts made readable). Safe to import anywhere.
import { asArray, asCount, asRecord, asText, type JsonRecord } from "./values";

export type Tag = { id: string; name: string; createdAt?: string | null; [key: string]: unknown };
export type Channel = {
  id: string;
  name: string;
  type?: string | null;
  status?: string | null;
  createdAt?: string | null;
  [key: string]: unknown;
};
export type ContactGroup = {
  id: string;
  name: string;
  description?: string | null;
  contactCount?: number | null;
  [key: string]: unknown;
};
export type Category = {
  id: string;
  value: string | null;
  parentId?: string | null;
  level?: number | null;
  sortOrder?: number | null;
  childCategoryList: Category[];
  [key: string]: unknown;
};

/** An item with an id and a name (falling back to each other); null when it has neither. */
function named(raw: unknown): (JsonRecord & { id: string; name: string }) | null {
  const record = asRecord(raw);
  if (!record) return null;
  const id = asText(record.id) ?? asText(record.name);
  const name = asText(record.name) ?? id;
  return id && name ? { ...record, id, name } : null;
}

export function normalizeTag(raw: unknown): Tag | null {
  const tag = named(raw);
  if (!tag) return null;
  if ("createdAt" in tag) tag.createdAt = asText(tag.createdAt);
  return tag;
}

export function normalizeChannel(raw: unknown): Channel | null {
  const channel = named(raw);
  if (!channel) return null;
  for (const key of ["type", "status", "createdAt"]) if (key in channel) channel[key] = asText(channel[key]);
  return channel;
}

export function normalizeGroup(raw: unknown): ContactGroup | null {
  const group = named(raw);
  if (!group) return null;
  if ("description" in group) group.description = asText(group.description);
  if ("contactCount" in group) group.contactCount = asCount(group.contactCount);
  return group;
}

/** Children read the same way, to any depth K-LINK sends (bounded, so a cycle cannot recurse forever). */
export function normalizeCategory(raw: unknown, depth = 0): Category | null {
  const record = asRecord(raw);
  const id = record ? asText(record.id) : null;
  if (!record || !id) return null;
  return {
    ...record,
    id,
    value: asText(record.value ?? record.name),
    ...("parentId" in record ? { parentId: asText(record.parentId) } : {}),
    ...("level" in record ? { level: asCount(record.level) } : {}),
    ...("sortOrder" in record ? { sortOrder: asCount(record.sortOrder) } : {}),
    childCategoryList:
      depth >= 20
        ? []
        : asArray(record.childCategoryList).flatMap((child) => normalizeCategory(child, depth + 1) ?? []),
  };
}
