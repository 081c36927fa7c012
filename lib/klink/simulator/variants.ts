// Shape variants: the simulator answering as a tenant might that does not follow the docs to the
// letter (`--variants`, or POST /__sim/variants). Off by default; on, every successful API answer
// is rewritten on the way out (the stored data never changes):
//   unknown-fields        an extra field in every object, at every level (empty ones stay empty)
//   numbers-as-strings    every number as a string ("38001", "2000" …)
// and each record (a listed item, a detail's data) gets one of these, chosen by its id, so a page
// of tickets shows all of them and the same record always looks the same:
//   custom-fields-map     customFields as a map {systemName: textValue}
//   custom-fields-snake   customFields named custom_fields
//   optional-missing      optional fields absent (description, assignee, contact, tags …)
//   optional-null         the same fields null
//   empty-objects         nested objects empty (assignee: {}, contact: {}, attribute: {} …)
import { createHash } from "node:crypto";

export const SHAPE_VARIANTS = [
  "unknown-fields",
  "numbers-as-strings",
  "custom-fields-map",
  "custom-fields-snake",
  "optional-missing",
  "optional-null",
  "empty-objects",
] as const;
export type ShapeVariant = (typeof SHAPE_VARIANTS)[number];

const RECORD_VARIANTS: ShapeVariant[] = [
  "custom-fields-map",
  "custom-fields-snake",
  "optional-missing",
  "optional-null",
  "empty-objects",
];

/** The field every object gains with unknown-fields. */
export const UNKNOWN_FIELD = "extraField";

/** Fields a record may well come without; never the id, a title or a name. */
const OPTIONAL_FIELDS = [
  "description",
  "reasonToAssign",
  "assigneeId",
  "assignee",
  "contact",
  "tags",
  "customFields",
  "deletedAt",
  "address",
  "notes",
  "company",
  "companyId",
  "contactNumber",
  "contactEmails",
  "contactPhones",
  "platformContacts",
  "socialProfileUrl",
  "contactProfile",
  "queueName",
  "disposition",
  "contactLabel",
  "firstAssignee",
  "agent",
  "closedAssignee",
  "room",
  "mailRoom",
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function varyAnswer(body: unknown, enabled: ReadonlySet<ShapeVariant>): unknown {
  if (!enabled.size) return body;
  let copy = JSON.parse(JSON.stringify(body)) as Json;
  const recordVariants = RECORD_VARIANTS.filter((v) => enabled.has(v));
  if (recordVariants.length) {
    for (const record of recordsOf(copy)) {
      const variant = recordVariants[bucket(String(record.id), recordVariants.length)];
      varyRecord(record, variant);
    }
  }
  if (enabled.has("numbers-as-strings")) copy = numbersAsStrings(copy);
  if (enabled.has("unknown-fields")) addUnknownFields(copy);
  return copy;
}

/** The records of an answer: items of `data` (or of `cxLogs.data`), or `data` itself. */
function recordsOf(body: Json): JsonObject[] {
  if (!isObject(body)) return [];
  const holder = isObject(body.cxLogs) ? body.cxLogs : body;
  const data = holder.data;
  if (Array.isArray(data)) return data.filter(isObject).filter((item) => item.id !== undefined);
  return isObject(data) && data.id !== undefined ? [data] : [];
}

function bucket(id: string, size: number): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % size;
}

function varyRecord(record: JsonObject, variant: ShapeVariant): void {
  switch (variant) {
    case "custom-fields-map":
      if (Array.isArray(record.customFields)) {
        record.customFields = Object.fromEntries(
          record.customFields.filter(isObject).map((item) => {
            const attribute = isObject(item.attribute) ? item.attribute : {};
            return [String(attribute.systemName ?? item.id), item.textValue ?? null];
          }),
        );
      }
      return;
    case "custom-fields-snake":
      if ("customFields" in record) {
        record.custom_fields = record.customFields;
        delete record.customFields;
      }
      return;
    case "optional-missing":
      for (const key of OPTIONAL_FIELDS) delete record[key];
      return;
    case "optional-null":
      for (const key of OPTIONAL_FIELDS) if (key in record) record[key] = null;
      return;
    case "empty-objects":
      emptyNestedObjects(record);
      return;
  }
}

function emptyNestedObjects(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) emptyNestedObjects(item);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (isObject(child)) value[key] = {};
      else emptyNestedObjects(child);
    }
  }
}

function numbersAsStrings(value: Json): Json {
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(numbersAsStrings);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsStrings(v)]));
  return value;
}

function addUnknownFields(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) addUnknownFields(item);
  } else if (isObject(value)) {
    // An object left empty (empty-objects) stays empty.
    if (!Object.keys(value).length) return;
    for (const child of Object.values(value)) addUnknownFields(child);
    value[UNKNOWN_FIELD] = "kept";
  }
}

/** `"all"`, `"none"` or a list of names → the set; throws naming an unknown variant. */
export function parseVariants(value: "all" | "none" | readonly string[]): Set<ShapeVariant> {
  if (value === "all") return new Set(SHAPE_VARIANTS);
  if (value === "none") return new Set();
  for (const name of value) {
    if (!(SHAPE_VARIANTS as readonly string[]).includes(name))
      throw new Error(`unknown shape variant "${name}" (known: ${SHAPE_VARIANTS.join(", ")})`);
  }
  return new Set(value as ShapeVariant[]);
}
