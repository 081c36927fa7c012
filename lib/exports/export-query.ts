// What an export URL may say: the list's own filters (the same names as the list page's URL, so
// "Export CSV" passes the page's query as it is), and which connection. Page, page size and sort
// are accepted and ignored: an export holds every matching row, in K-LINK's order.
import { z } from "zod";

const filter = z.string().trim().max(200, "must be at most 200 characters").optional();

const common = {
  connection: z.string().trim().max(100, "must be at most 100 characters").optional(),
};

export const ticketExportQuerySchema = z.object({
  ...common,
  status: filter,
  priority: filter,
  channel: filter,
  keyword: filter,
});

export const contactExportQuerySchema = z.object({ ...common, keyword: filter });

/** The K-LINK listing filter of a parsed query: only the filters that are set. */
export function exportFilterOf(query: Record<string, string | undefined>): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (key !== "connection" && value) filter[key] = value;
  return filter;
}
