// The route label of request metrics: the route's template ("/api/webhooks/klink/[connectionId]",
// "/api/auth/[...nextauth]"), never the raw path, so that anyone requesting made-up paths under
// a dynamic route cannot create new series. Next.js hands a handler its params but not its
// template, so the template is rebuilt by putting each param's name back where its value is.
export const UNMATCHED_ROUTE = "(unmatched)";

type Params = Record<string, string | string[] | undefined>;

export function routeLabel(pathname: string, params: Params = {}): string {
  const segments = pathname.split("/").map(decodeSegment);
  if (segments.some((s) => s === null)) return UNMATCHED_ROUTE;
  const path = segments as string[];
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string | string[]] => entry[1] !== undefined,
  );
  // A catch-all is always the route's last part.
  const catchAll = entries.find(([, value]) => Array.isArray(value));
  let end = path.length;
  if (catchAll) {
    const values = catchAll[1] as string[];
    end = path.length - values.length;
    if (end < 1 || values.some((v, i) => path[end + i] !== v)) return UNMATCHED_ROUTE;
  }
  const template = path.slice(0, end);
  const taken = new Set<number>();
  for (const [name, value] of entries) {
    if (Array.isArray(value)) continue;
    // Right to left: a param's value may equal a static segment before it (/users/users).
    let at = -1;
    for (let i = template.length - 1; i > 0; i--) {
      if (!taken.has(i) && template[i] === value) {
        at = i;
        break;
      }
    }
    // Not found where it should be: better one shared label than the raw path.
    if (at === -1) return UNMATCHED_ROUTE;
    template[at] = `[${name}]`;
    taken.add(at);
  }
  if (catchAll) template.push(`[...${catchAll[0]}]`);
  return template.join("/");
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
