// The one mapping from zod's issues to the field messages every answer and form shows.
import type { ZodError } from "zod";
import type { FieldErrors } from "./api-error";

/** Field path → messages, e.g. { "body.customFields.cf_date": ["must be YYYY-MM-DD"] }. */
export function zodFieldErrors(error: ZodError, prefix?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "input";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
