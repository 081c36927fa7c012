// Which registry endpoint a method and path name: used by the simulator's router, the proxy and
// the browser's live revalidation. A literal segment wins over a `{param}` at the first position
// where two templates differ, so "/api/v1/contacts/fields" is contacts.fields, not contacts.get
// with id "fields".
import { endpoints, type EndpointName } from "./registry";

export type Template<T> = { value: T; segments: string[] };

/** Templates in matching order: at the first position where two differ, a literal segment first. */
export function compileTemplates<T>(entries: { value: T; path: string }[]): Template<T>[] {
  return entries
    .map(({ value, path }) => ({ value, segments: pathSegments(path) }))
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
        const aParam = a.segments[i].startsWith("{");
        const bParam = b.segments[i].startsWith("{");
        if (aParam !== bParam) return aParam ? 1 : -1;
      }
      return 0;
    });
}

const compiled = compileTemplates(
  (Object.keys(endpoints) as EndpointName[]).map((name) => ({ value: name, path: endpoints[name].path })),
);

export type EndpointMatch = { name: EndpointName; params: Record<string, string> };

/** The path's segments, as templates hold theirs. */
export function pathSegments(pathname: string): string[] {
  return pathname.split("/").filter(Boolean);
}

/** The path parameters when the path's segments fit the template's, else undefined. */
export function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
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
  const actual = pathSegments(pathname);
  for (const candidate of compiled) {
    if (endpoints[candidate.value].method !== method.toUpperCase()) continue;
    const params = matchSegments(candidate.segments, actual);
    if (params) return { name: candidate.value, params };
  }
  return undefined;
}

/** Whether some endpoint has this path with another method (for a 405 rather than a 404). */
export function pathIsKnown(pathname: string): boolean {
  const actual = pathSegments(pathname);
  return compiled.some((candidate) => matchSegments(candidate.segments, actual) !== undefined);
}
