// Custom field values in request bodies (shared/klink-api/README.md §8): keys start with `cf_`, and a date field's
// value must be an ISO date `YYYY-MM-DD`. Which fields are dates is only known from the tenant's
// form fields, so the static schema rejects any date-looking value that is not `YYYY-MM-DD`;
// `validateCustomFields` below does the full, type-aware check against the form fields.
import { z } from "zod";

const CUSTOM_FIELD_KEY = /^cf_\S+$/;
/** A value that is clearly meant as a date (2025/10/23, 23-10-2025, 2025-10-23T00:00:00Z …). */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$/;

export const KEY_MESSAGE = "custom field keys must start with cf_ (for example cf_customer_id)";
export const DATE_MESSAGE = "date custom fields must be an ISO date YYYY-MM-DD (for example 2025-10-23)";

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkEntry(key: string, value: unknown, path: PropertyKey[], ctx: z.RefinementCtx): void {
  if (!CUSTOM_FIELD_KEY.test(key)) {
    ctx.addIssue({ code: "custom", path, message: KEY_MESSAGE });
  } else if (typeof value === "string" && DATE_LIKE.test(value.trim()) && !isIsoDate(value)) {
    ctx.addIssue({ code: "custom", path, message: DATE_MESSAGE });
  }
}

/** The object-map form used by ticket create: `{"cf_trackingid": "Id-1001", "cf_date": "2025-10-23"}`. */
export const customFieldsMapSchema = z.record(z.string(), z.unknown()).superRefine((map, ctx) => {
  for (const [key, value] of Object.entries(map)) checkEntry(key, value, [key], ctx);
});

/** The name/value array form of the old contact model (shared/klink-api/README.md §8 CONFLICT). */
export const customFieldsArraySchema = z
  .array(z.looseObject({ name: z.string({ error: "is required" }), value: z.unknown() }))
  .superRefine((items, ctx) => {
    items.forEach((item, index) => checkEntry(item.name, item.value, [index, "name"], ctx));
  });

/** Contacts: the shape is unconfirmed (shared/klink-api/README.md §8), so both documented forms are accepted. */
export const contactCustomFieldsSchema = z.union([customFieldsMapSchema, customFieldsArraySchema]);

/** Normalises either form to the object map. */
export function customFieldsToMap(value: unknown): Record<string, unknown> {
  if (Array.isArray(value))
    return Object.fromEntries(value.map((item: { name: string; value: unknown }) => [item.name, item.value]));
  return (value ?? {}) as Record<string, unknown>;
}

export type FormFieldDef = {
  system_name: string;
  type: string;
  is_archived?: boolean | null;
  options?: { value: string }[] | null;
};

/**
 * The type-aware check against a tenant's form fields: unknown or archived keys, dates that are not
 * YYYY-MM-DD, select values outside the options, numbers that are not numbers. Returns one message
 * per problem, keyed by the custom field name.
 */
export function validateCustomFields(
  values: Record<string, unknown>,
  fields: readonly FormFieldDef[],
): Record<string, string> {
  const byName = new Map(fields.map((f) => [f.system_name, f]));
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = byName.get(key);
    if (!field) problems[key] = "is not a custom field of this tenant";
    else if (field.is_archived) problems[key] = "is archived and can no longer be set";
    else if (value === null || value === "") continue;
    else if (field.type === "date" && !(typeof value === "string" && isIsoDate(value))) problems[key] = DATE_MESSAGE;
    else if (field.type === "number" && !(typeof value === "number" && Number.isFinite(value)))
      problems[key] = "must be a number";
    else if (field.type === "select" && !field.options?.some((o) => o.value === value)) {
      problems[key] = `must be one of: ${(field.options ?? []).map((o) => o.value).join(", ")}`;
    } else if ((field.type === "text" || field.type === "textarea") && typeof value !== "string")
      problems[key] = "must be text";
  }
  return problems;
}
