// The ticket list's state as it lives in the URL (/tickets?status=open&priority=high&page=2…):
// parsed tolerantly (a bad page or page size falls back to the default instead of failing the
// page), turned into the K-LINK listing query, the proxy URL the list's SWR key is, and the page
// URLs of links and filters. Safe to import in client components.

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** Columns the list can order its page by (K-LINK's listing has no sort parameter). */
export const SORT_KEYS = ["number", "title", "status", "priority", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export const FILTER_KEYS = ["status", "priority", "channel", "keyword"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type TicketListState = {
  filters: Partial<Record<FilterKey, string>>;
  page: number;
  pageSize: number;
  sort: { key: SortKey; direction: SortDirection } | null;
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: RawParams, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

export function parseTicketListState(params: RawParams): TicketListState {
  const filters: TicketListState["filters"] = {};
  for (const key of FILTER_KEYS) {
    const value = read(params, key);
    if (value) filters[key] = value;
  }
  const page = Number(read(params, "page"));
  const pageSize = Number(read(params, "pageSize"));
  const sortKey = read(params, "sort") as SortKey | undefined;
  const direction = read(params, "dir") === "asc" ? "asc" : "desc";
  return {
    filters,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sort: sortKey && SORT_KEYS.includes(sortKey) ? { key: sortKey, direction } : null,
  };
}

/** The K-LINK listing query of the state (sort is not part of it: K-LINK cannot sort). */
export function listingQuery(
  state: TicketListState,
  overrides: { page?: number; pageSize?: number } = {},
): Record<string, string> {
  return {
    ...state.filters,
    page: String(overrides.page ?? state.page),
    pageSize: String(overrides.pageSize ?? state.pageSize),
  } as Record<string, string>;
}

/** The console proxy URL of the listing: the list's SWR key, and what bulk changes page through. */
export function proxyListUrl(state: TicketListState, overrides: { page?: number; pageSize?: number } = {}): string {
  return `/api/klink/v1/tickets?${new URLSearchParams(listingQuery(state, overrides))}`;
}

/** The /tickets URL of a state; defaults are left out so shared links stay short. */
export function ticketListHref(state: TicketListState, change: Partial<TicketListState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = next.filters[key];
    if (value) params.set(key, value);
  }
  if (next.sort) {
    params.set("sort", next.sort.key);
    params.set("dir", next.sort.direction);
  }
  if (next.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(next.pageSize));
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/tickets?${query}` : "/tickets";
}

export function hasFilters(state: TicketListState): boolean {
  return FILTER_KEYS.some((key) => Boolean(state.filters[key]));
}
