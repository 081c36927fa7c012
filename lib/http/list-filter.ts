// The Prisma filters of a list's filters (the audit log, the webhook history): one column equal
// to each value that is set, and a time column between two optional instants. Safe to import
// anywhere.

/** `{ column: value }` for the values that are set; blank and missing ones filter nothing. */
export function equalTo<C extends string>(values: Partial<Record<C, string>>): Partial<Record<C, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => Boolean(value))) as Partial<Record<C, string>>;
}

/** Between `from` and `to`, each bound optional (undefined: no filter). */
export function timeRange(from?: Date, to?: Date): { gte?: Date; lte?: Date } | undefined {
  return from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } : undefined;
}
