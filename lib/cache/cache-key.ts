// Cache keys of K-LINK reads. Two requests that K-LINK answers the same way must share a key:
// parameter order, empty values and number-vs-string spellings do not matter. The connection is
// part of every key, so tenants never see each other's data.
import { uriComponent } from "../http/uri-component";

export type CacheKeyInput = {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  /** Headers that change the answer (e.g. x-client-timezone of CX logs). */
  headers?: Record<string, unknown>;
};

export function cacheKey(connectionId: string, endpointName: string, input: CacheKeyInput = {}): string {
  return [
    connectionId,
    endpointName,
    `p:${canonical(input.params)}`,
    `q:${canonical(input.query)}`,
    `h:${canonical(input.headers, (name) => name.toLowerCase())}`,
  ].join("|");
}

function canonical(
  values: Record<string, unknown> | undefined,
  normalizeName: (name: string) => string = (n) => n,
): string {
  if (!values) return "";
  const pairs: [string, string][] = [];
  for (const [name, raw] of Object.entries(values)) {
    const value = canonicalValue(raw);
    if (value !== undefined) pairs.push([normalizeName(name), value]);
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([name, value]) => `${uriComponent(name)}=${uriComponent(value)}`).join("&");
}

/** undefined for "absent" (undefined, null, "", an empty list); a stable string otherwise. */
function canonicalValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) {
    // Repeated parameters keep their order: a different order may mean something to K-LINK, and
    // at worst costs a cache miss. The NUL marker keeps a list apart from any plain string.
    const items = value.map(canonicalValue).filter((v): v is string => v !== undefined);
    return items.length ? `\u0000${JSON.stringify(items)}` : undefined;
  }
  if (typeof value === "object") return `\u0000${stableJson(value)}`;
  return String(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
