import "server-only";
// Reference listings (form fields, groups, tags, channels) read whole for a page that needs every
// item — labels of custom fields, names of groups, tag suggestions — instead of only K-LINK's
// default first 10. Pages are read 100 at a time (K-LINK's maximum), at most `maxPages`.
import type { ShownAnswer } from "./normalize/answers";
import { readKlink, type KlinkRead, type ReadContext } from "./read-klink";

type ListingEndpoint = "contacts.fields" | "contacts.groups" | "tags.list" | "channels.list";

export type AllPages<N extends ListingEndpoint> = {
  items: ShownAnswer<N>["data"];
  total: number;
  /** false when K-LINK holds more than maxPages × 100 items: the rest were not read. */
  complete: boolean;
};

export async function readAllPages<N extends ListingEndpoint>(
  page: ReadContext,
  endpoint: N,
  options: { maxPages?: number } = {},
): Promise<KlinkRead<AllPages<N>>> {
  const maxPages = options.maxPages ?? 5;
  const first = await readKlink(page, endpoint, { query: { page: 1, pageSize: 100 } });
  if (!first.ok) return first;
  const lastPage = Math.min(first.data.lastPage, maxPages);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, lastPage - 1) }, (_, i) =>
      readKlink(page, endpoint, { query: { page: i + 2, pageSize: 100 } }),
    ),
  );
  const failed = rest.find((read) => !read.ok);
  if (failed && !failed.ok) return failed;
  const reads = [first, ...rest] as Extract<KlinkRead<ShownAnswer<N>>, { ok: true }>[];
  const items = reads.flatMap((read) => read.data.data as unknown[]) as ShownAnswer<N>["data"];
  // The stalest page speaks for the whole list (the stale banner shows the oldest data's age).
  const stalest = reads.reduce((a, b) =>
    b.freshness.cacheState === "STALE" &&
    b.freshness.ageSeconds >= (a.freshness.cacheState === "STALE" ? a.freshness.ageSeconds : -1)
      ? b
      : a,
  );
  return {
    ok: true,
    connectionId: first.connectionId,
    freshness: stalest.freshness,
    data: { items, total: first.data.total, complete: first.data.lastPage <= maxPages },
  };
}
