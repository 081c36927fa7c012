// Cursor pagination shared by the console's lists (the JSON list endpoints, which all answer
// {"data": [...], "nextCursor": ...}, and the admin pages). The cursor is the id of the last row of
// the page; rows are ordered so that ids break ties.
import { z } from "zod";

export const DEFAULT_PAGE_LIMIT = 50;

export const pageQuerySchema = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_LIMIT),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The page asked for with its limit kept within 1..maxLimit, for lists whose callers do not all
 * come through a query schema (a page's own read, an export that pages through everything). */
export function withinLimit(page: Partial<PageQuery>, maxLimit: number): Partial<PageQuery> {
  return { cursor: page.cursor, limit: Math.min(Math.max(page.limit ?? DEFAULT_PAGE_LIMIT, 1), maxLimit) };
}

/** Prisma arguments for one page: one row more than asked, to know whether another page exists. */
export function pageArgs(page: Partial<PageQuery>) {
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return { take: limit + 1, ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }, R = T>(
  rows: T[],
  page: Partial<PageQuery>,
  map?: (row: T) => R,
): { data: R[]; nextCursor: string | null } {
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const data = rows.slice(0, limit);
  return {
    data: map ? data.map(map) : (data as unknown as R[]),
    nextCursor: rows.length > limit ? data[data.length - 1].id : null,
  };
}
