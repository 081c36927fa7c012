// Errors of a ticket write, by the field they belong to: the console's own validation answers
// field paths (body.title, body.customFields.cf_date, body.contact_id); K-LINK's refusals are one
// message. The simulator words its refusals "Validation failed: customFields.cf_x: …; contact_id: …"
// — when a message has that form and names a field the form shows, the part goes by that field;
// anything else stays in the form's summary, so no message is ever lost. Safe in client components.
import { fieldErrors, type ConsoleApiError } from "./klink-fetch";

export type FormErrors = { fields: Record<string, string[]>; summary?: string; requestId?: string };

export function ticketFormErrors(error: ConsoleApiError, knownFields: readonly string[]): FormErrors {
  const fields = fieldErrors(error);
  const known = new Set(knownFields);
  const unplaced: string[] = [];
  const parts = /Validation failed:\s*(.*)$/s.exec(error.message)?.[1]?.split(/;\s*/) ?? [];
  for (const part of parts) {
    const match = /^([\w.]+):\s*(.+)$/s.exec(part.trim());
    if (match && known.has(match[1])) (fields[match[1]] ??= []).push(match[2]);
    else if (part.trim()) unplaced.push(part.trim());
  }
  const placedAll = parts.length > 0 && unplaced.length === 0;
  const fieldCount = Object.keys(fields).length;
  const summary = placedAll || (fieldCount > 0 && !parts.length && error.code === "validation_failed") ? "Check the fields marked below." : error.message;
  return { fields, summary, ...(error.requestId ? { requestId: error.requestId } : {}) };
}

/** Field errors that no control of the form shows (e.g. a field the tenant added meanwhile). */
export function unplacedFieldErrors(errors: FormErrors, shown: readonly string[]): [string, string[]][] {
  const visible = new Set(shown);
  return Object.entries(errors.fields).filter(([key]) => !visible.has(key));
}
