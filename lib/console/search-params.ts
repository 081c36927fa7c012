// Reading a page's URL search params (Next hands them over as string | string[] | undefined).
// Safe to import anywhere.
import type { z } from "zod";
import type { FieldErrors } from "../errors/api-error";
import { zodFieldErrors } from "../errors/zod-field-errors";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; undefined when absent or blank. */
export function firstParam(params: SearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** A whole number within [min, max] from a URL value, else the fallback (a bad page number never breaks a page). */
export function intParam(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/** A query string from the set values only, in the order given (stable URLs, stable SWR keys). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The first value of every parameter, trimmed; blank ones left out. */
export function firstParams(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = firstParam(params, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * A list page's filters, checked by the same schema as the list's JSON API. Invalid ones are not
 * dropped: the page shows each one's message by its field (and lists nothing until they are
 * fixed), and keeps what was typed in the form.
 */
export type ListFilters<Q> = {
  /** What the URL says, to show again in the form. */
  values: Record<string, string>;
  /** The same without the cursor: what the page's links keep. */
  filters: Record<string, string>;
  cursor: string | undefined;
  /** Whether any filter is set. */
  filtered: boolean;
  /** null when some filter is not valid. */
  query: Q | null;
  errors: FieldErrors;
};

export function listFilters<S extends z.ZodType>(params: SearchParams, schema: S): ListFilters<z.output<S>> {
  const values = firstParams(params);
  const { cursor, ...filters } = values;
  const parsed = schema.safeParse(values);
  return {
    values,
    filters,
    cursor,
    filtered: Object.keys(filters).length > 0,
    query: parsed.success ? parsed.data : null,
    errors: parsed.success ? {} : zodFieldErrors(parsed.error),
  };
}
