// Cursor pagination shared by the console's JSON list endpoints, which all answer
// {"data": [...], "nextCursor": ...}. The cursor is the id of the last row of the page.
import { z } from "zod";

export const pageQuerySchema = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Prisma arguments for one page: one row more than asked, to know whether another page exists. */
export function pageArgs(page: Partial<PageQuery>) {
  const limit = page.limit ?? 50;
  return { take: limit + 1, ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }, R>(
  rows: T[],
  page: Partial<PageQuery>,
  map: (row: T) => R,
): { data: R[]; nextCursor: string | null } {
  const limit = page.limit ?? 50;
  const data = rows.slice(0, limit);
  return { data: data.map(map), nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
