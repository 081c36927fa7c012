// Between a ticket form's inputs and a K-LINK request body: what an input shows for a stored
// value, what the body carries for what was typed (numbers as numbers, dates as YYYY-MM-DD,
// cleared custom fields as null), and the checks done before anything is sent (required fields,
// numbers, dates). Safe to import in client components.
import { isIsoDate } from "../klink/schemas/custom-fields";
import { kindOf, type FieldKind, type FormField } from "./ticket-field-model";

export type InputValue = string | string[] | boolean;

export function inputValueOf(kind: FieldKind, stored: unknown): InputValue {
  if (kind === "checkbox") return stored === true || stored === "true";
  if (kind === "multiselect")
    return Array.isArray(stored)
      ? stored.map(String)
      : stored === null || stored === undefined || stored === ""
        ? []
        : [String(stored)];
  if (stored === null || stored === undefined) return "";
  if (kind === "date" && typeof stored === "string") return stored.slice(0, 10);
  return typeof stored === "object" ? JSON.stringify(stored) : String(stored);
}

/** The value a body carries; null clears a custom field. */
export function bodyValueOf(kind: FieldKind, value: InputValue): unknown {
  if (kind === "checkbox") return value === true;
  if (kind === "multiselect") return Array.isArray(value) ? value : [];
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return null;
  if (kind === "number") return Number(text);
  return text;
}

/** Messages by field key, before sending: required, number and date checks. */
export function checkInputs(
  fields: readonly FormField[],
  values: Record<string, InputValue>,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const field of fields) {
    const key = field.system_name;
    if (!(key in values)) continue;
    const kind = kindOf(field);
    const value = values[key];
    const empty =
      kind === "checkbox"
        ? false
        : Array.isArray(value)
          ? value.length === 0
          : typeof value === "string"
            ? value.trim() === ""
            : false;
    if (empty) {
      if (field.is_required) problems[key] = ["is required"];
      continue;
    }
    const text = typeof value === "string" ? value.trim() : "";
    if (kind === "number" && !Number.isFinite(Number(text))) problems[key] = ["must be a number"];
    if (kind === "date" && !isIsoDate(text)) problems[key] = ["must be a date YYYY-MM-DD (for example 2025-10-23)"];
  }
  return problems;
}
