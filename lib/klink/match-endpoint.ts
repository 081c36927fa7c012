// Which registry endpoint a method and path name: used by the simulator's router and available to
// the proxy. A literal segment wins over a `{param}` at the first position where two templates
// differ, so "/api/v1/contacts/fields" is contacts.fields, not contacts.get with id "fields".
import { endpoints, type EndpointName } from "./registry";

type Compiled = { name: EndpointName; method: string; segments: string[] };

const compiled: Compiled[] = (Object.keys(endpoints) as EndpointName[])
  .map((name) => ({ name, method: endpoints[name].method, segments: endpoints[name].path.split("/").filter(Boolean) }))
  .sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const aParam = a.segments[i].startsWith("{");
      const bParam = b.segments[i].startsWith("{");
      if (aParam !== bParam) return aParam ? 1 : -1;
    }
    return 0;
  });

export type EndpointMatch = { name: EndpointName; params: Record<string, string> };

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    if (part.startsWith("{")) {
      let value: string;
      try {
        value = decodeURIComponent(actual[i]);
      } catch {
        return undefined;
      }
      params[part.slice(1, -1)] = value;
    } else if (part !== actual[i]) {
      return undefined;
    }
  }
  return params;
}

/** The endpoint for this method and path, or undefined. */
export function matchEndpoint(method: string, pathname: string): EndpointMatch | undefined {
  const actual = pathname.split("/").filter(Boolean);
  for (const candidate of compiled) {
    if (candidate.method !== method.toUpperCase()) continue;
    const params = matchSegments(candidate.segments, actual);
    if (params) return { name: candidate.name, params };
  }
  return undefined;
}

/** Whether some endpoint has this path with another method (for a 405 rather than a 404). */
export function pathIsKnown(pathname: string): boolean {
  const actual = pathname.split("/").filter(Boolean);
  return compiled.some((candidate) => matchSegments(candidate.segments, actual) !== undefined);
}
