// Which events a destination wants: every event (no list), or any of a list of patterns, where
// a pattern is an exact type ("contact.create"), a prefix with a wildcard ("ticket.*") or "*".
export const EVENT_PATTERN = /^(\*|[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?)$/i;

export function matchesEventTypes(patterns: string[] | null, eventType: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((pattern) => {
    if (pattern === "*") return true;
    if (pattern.endsWith(".*")) return eventType.startsWith(pattern.slice(0, -1));
    return pattern === eventType;
  });
}

export function matchesConnections(connectionIds: string[] | null, connectionId: string | null): boolean {
  if (!connectionIds || connectionIds.length === 0) return true;
  return connectionId !== null && connectionIds.includes(connectionId);
}

/** A stored Json column as a list of strings, or null (= all). */
export function stringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;
}
