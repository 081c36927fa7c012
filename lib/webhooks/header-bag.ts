import "server-only";
// What receiving a delivery reads of its headers: one header by name, and all of them for the
// history. A web `Headers` is one; nodeHeaderBag gives the same view of a Node.js request's
// headers without building a `Headers` (the console's own server answers deliveries from Node's
// request directly, see lib/doors/webhook-front-door.ts).
import type { IncomingHttpHeaders } from "node:http";

export type HeaderBag = {
  get(name: string): string | null;
  [Symbol.iterator](): Iterator<[string, string]>;
};

/**
 * Node's parsed headers as a HeaderBag that reads exactly like the `Headers` Next.js builds from
 * them: names lower-case and in sorted order, repeated values joined with ", " (Node itself
 * keeps only the first of a repeated Authorization, as it does for Next.js).
 */
export function nodeHeaderBag(headers: IncomingHttpHeaders): HeaderBag {
  const value = (name: string): string | null => {
    // Own names only: a plain object also "has" constructor, toString and the like.
    if (!Object.hasOwn(headers, name)) return null;
    const found = headers[name];
    if (found === undefined) return null;
    return Array.isArray(found) ? found.join(", ") : found;
  };
  return {
    get: (name) => value(name.toLowerCase()),
    *[Symbol.iterator]() {
      for (const name of Object.keys(headers).sort()) {
        const found = value(name);
        if (found !== null) yield [name, found];
      }
    },
  };
}
