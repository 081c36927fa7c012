// Errors of a failed write, by the field of the form they belong to: the console's own
// validation answers field paths (body.title, body.customFields.cf_date, body.contact_id);
// K-LINK's refusals are one message, read by parseValidationMessage when it names fields. A part
// naming a field the form shows goes by that field; anything else stays in the form's summary,
// so no message is ever lost. Safe in client components.
import { fieldErrors, type ConsoleApiError } from "./console-api";
import { parseValidationMessage } from "./upstream-field-errors";

export type FormErrors = { fields: Record<string, string[]>; summary?: string; requestId?: string };

export function formErrors(error: ConsoleApiError, knownFields: readonly string[]): FormErrors {
  const fields = fieldErrors(error);
  const known = new Set(knownFields);
  const parsed = parseValidationMessage(error.message);
  let unplaced = parsed ? parsed.rest.length : 0;
  for (const [key, messages] of Object.entries(parsed?.fields ?? {})) {
    if (known.has(key)) (fields[key] ??= []).push(...messages);
    else unplaced += 1;
  }
  const placedAll = parsed !== null && unplaced === 0 && Object.keys(parsed.fields).length > 0;
  const ownFieldsOnly = !parsed && error.code === "validation_failed" && Object.keys(fields).length > 0;
  const summary = placedAll || ownFieldsOnly ? "Check the fields marked below." : error.message;
  return { fields, summary, ...(error.requestId ? { requestId: error.requestId } : {}) };
}

/** Field errors that no control of the form shows (e.g. a field the tenant added meanwhile). */
export function unplacedFieldErrors(errors: FormErrors, shown: readonly string[]): [string, string[]][] {
  const visible = new Set(shown);
  return Object.entries(errors.fields).filter(([key]) => !visible.has(key));
}
