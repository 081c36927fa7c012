// The reference data page's URL state: which list (tab), page and page size. Safe to import anywhere.
import { firstParam, intParam, queryString, type SearchParams } from "./search-params";

export const REFERENCE_TABS = [
  { id: "tags", label: "Tags" },
  { id: "channels", label: "Channels" },
  { id: "categories", label: "Categories" },
  { id: "groups", label: "Contact groups" },
] as const;

export type ReferenceTab = (typeof REFERENCE_TABS)[number]["id"];
export type ReferenceQuery = { tab: ReferenceTab; page: number; pageSize: number };

export const DEFAULT_REFERENCE_PAGE_SIZE = 25;

export function referenceQuery(params: SearchParams): ReferenceQuery {
  const tab = firstParam(params, "tab");
  return {
    tab: REFERENCE_TABS.find((t) => t.id === tab)?.id ?? "tags",
    page: intParam(firstParam(params, "page"), 1, 1, 1_000_000),
    pageSize: intParam(firstParam(params, "pageSize"), DEFAULT_REFERENCE_PAGE_SIZE, 1, 100),
  };
}

export function referenceHref(query: ReferenceQuery): string {
  return `/reference${queryString({
    tab: query.tab === "tags" ? undefined : query.tab,
    page: query.page === 1 ? undefined : query.page,
    pageSize: query.pageSize === DEFAULT_REFERENCE_PAGE_SIZE ? undefined : query.pageSize,
  })}`;
}
