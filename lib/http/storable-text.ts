// Text every database of the console can store as it is: well-formed Unicode (no lone UTF-16
// surrogate: PostgreSQL's jsonb refuses `"\ud800"`) and no NUL (PostgreSQL text and jsonb refuse
// U+0000). Input is refused when it breaks these rules (lib/http/json-input.ts); what must be
// stored whatever it holds (audit records, webhook deliveries) is made storable with these.
const NUL = /\u0000/g;

/** Why a string cannot be stored as sent, or null when it can. */
export function unstorableReason(value: string): string | null {
  if (!value.isWellFormed()) return "must be well-formed Unicode (it holds a lone UTF-16 surrogate)";
  if (value.includes("\u0000")) return "must not hold the NUL character (U+0000)";
  return null;
}

/** The string with lone surrogates and NUL replaced by U+FFFD (the same string when already storable). */
export function storableText(value: string): string {
  return value.toWellFormed().replace(NUL, "\uFFFD");
}

/**
 * A JSON-like value with every string and key storable, cut at `maxDepth` (deeper parts become
 * "[truncated]") and strings cut at `maxStringLength` (marked with how much was left out).
 */
export function storableValue(value: unknown, maxDepth = 32, maxStringLength = Infinity): unknown {
  const walk = (item: unknown, depthLeft: number): unknown => {
    if (typeof item === "string") return storableText(cut(item, maxStringLength));
    if (item === null || typeof item !== "object" || item instanceof Date) return item;
    if (depthLeft <= 0) return "[truncated]";
    if (Array.isArray(item)) return item.map((element) => walk(element, depthLeft - 1));
    const out: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(item as Record<string, unknown>))
      out[storableText(cut(key, maxStringLength))] = walk(element, depthLeft - 1);
    return out;
  };
  return walk(value, maxDepth);
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…[${value.length - max} more characters]`;
}
