// A JSON body as text → its value, checked before any schema sees it: not JSON is 400
// invalid_json; nesting deeper than MAX_JSON_DEPTH is 400 validation_failed (measured on the text,
// before a deep structure is built; deep values overflow the stack of whatever walks them later);
// a string or key that is not storable (a lone surrogate, NUL; see storable-text.ts) is 400
// validation_failed naming its field. Decided once for every entry point: such input is refused,
// never silently changed, so what is validated, sent to K-LINK and audited is what the caller sent.
import { ApiError, type FieldErrors } from "../errors/api-error";
import { unstorableReason } from "./storable-text";

export const MAX_JSON_DEPTH = 64;
/** At most this many fields are named in one answer. */
const MAX_NAMED_FIELDS = 20;

export function parseJsonInput(text: string, where = "body"): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError("validation_failed", `The ${where} is nested deeper than ${MAX_JSON_DEPTH} levels.`, {
      fields: { [where]: [`must not be nested deeper than ${MAX_JSON_DEPTH} levels`] },
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
  const fields = unstorableFields(value, where);
  if (Object.keys(fields).length) {
    throw new ApiError("validation_failed", `The ${where} holds text that is not well-formed.`, { fields });
  }
  return value;
}

/** Query or path parameters: 400 validation_failed naming each one that cannot be stored as sent (NUL from `%00`). */
export function refuseUnstorableText(values: Record<string, unknown>, where: string): void {
  const fields = unstorableFields(values, where);
  if (Object.keys(fields).length) {
    throw new ApiError("validation_failed", `The ${where} holds text that is not well-formed.`, { fields });
  }
}

/** The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Field path → message for every string or key that cannot be stored as sent (the value is at most MAX_JSON_DEPTH deep). */
function unstorableFields(value: unknown, where: string): FieldErrors {
  const fields: FieldErrors = {};
  const visit = (item: unknown, path: string) => {
    if (Object.keys(fields).length >= MAX_NAMED_FIELDS) return;
    if (typeof item === "string") {
      const reason = unstorableReason(item);
      if (reason) fields[path] = [reason];
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => visit(element, `${path}.${index}`));
    } else if (item && typeof item === "object") {
      for (const [key, element] of Object.entries(item)) {
        const keyReason = unstorableReason(key);
        if (keyReason) fields[path] = [`has a field name that ${keyReason}`];
        else visit(element, `${path}.${key}`);
      }
    }
  };
  visit(value, where);
  return fields;
}
