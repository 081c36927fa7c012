// K-LINK's documentation as tests read it: the example payloads copied into tests/fixtures/klink
// and the verbatim Ticket Create page in shared/klink-api.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(path.join(root, "tests/fixtures/klink", name), "utf8")) as T;
}

export type TicketCreateExample = { success: boolean; data: Record<string, unknown> };

/** The JSON of the "Response Example" (the 201 answer) on the verbatim Ticket Create page. */
export function ticketCreatePageExample(): TicketCreateExample {
  const page = readFileSync(path.join(root, "../shared/klink-api/ticket-create-page.txt"), "utf8");
  const start = page.indexOf("{", page.indexOf("Response Response Example"));
  let depth = 0;
  for (let end = start; start >= 0 && end < page.length; end++) {
    if (page[end] === "{") depth++;
    else if (page[end] === "}" && --depth === 0) return JSON.parse(page.slice(start, end + 1)) as TicketCreateExample;
  }
  throw new Error("ticket-create-page.txt has no complete response example");
}

/**
 * The key structure of a JSON value: objects as their keys (in order) with each value's
 * structure, arrays as the structure of their first item, anything else as its JSON type.
 */
export function keyStructure(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [keyStructure(value[0])] : [];
  if (value && typeof value === "object")
    return Object.entries(value).map(([key, child]) => [key, keyStructure(child)]);
  return value === null ? "null" : typeof value;
}
