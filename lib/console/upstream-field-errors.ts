// K-LINK documents no error body (shared/klink-api/README.md §7). The simulator, like many validation layers, says
// "Validation failed: customFields.cf_birthday: must be …; type: must be one of: …" in its
// message; when a 400 says that, forms can still show each problem next to its field. Anything
// else yields no field errors and the message is shown as it is. Safe to import anywhere.
import { fieldErrors, type ConsoleApiError } from "./console-api";

const PREFIX = /Validation failed:\s*/i;
const ENTRY = /^([A-Za-z_][\w.]*):\s*(.+)$/s;

/** The message's "field: problem" parts by field, and the parts that name no field; null when it is not such a message. */
export function parseValidationMessage(message: string): { fields: Record<string, string[]>; rest: string[] } | null {
  const match = PREFIX.exec(message);
  if (!match) return null;
  const fields: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const part of message.slice(match.index + match[0].length).split(/;\s*/)) {
    const text = part.trim();
    if (!text) continue;
    const entry = ENTRY.exec(text);
    if (entry) (fields[entry[1]] ??= []).push(entry[2].trim());
    else rest.push(text);
  }
  return { fields, rest };
}

export function upstreamFieldErrors(message: string): Record<string, string[]> {
  return parseValidationMessage(message)?.fields ?? {};
}

/** Field errors of a failed proxy call: the console's own validation, else K-LINK's 400 message read as above. */
export function callFieldErrors(error: ConsoleApiError | undefined): Record<string, string[]> {
  if (!error) return {};
  const own = fieldErrors(error);
  if (Object.keys(own).length) return own;
  return error.status === 400 ? upstreamFieldErrors(error.message) : {};
}
