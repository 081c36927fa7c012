// The contacts list's URL state (keyword, page, page size), the page URLs built from it and the
// proxy URL its client island reads (the SWR key). Safe to import anywhere.
import { firstParam, intParam, queryString, type SearchParams } from "./search-params";

export const CONTACT_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_CONTACT_PAGE_SIZE = 25;

export type ContactListQuery = { keyword?: string; page: number; pageSize: number };

export function contactListQuery(params: SearchParams): ContactListQuery {
  const keyword = firstParam(params, "keyword")?.slice(0, 200);
  return {
    ...(keyword ? { keyword } : {}),
    page: intParam(firstParam(params, "page"), 1, 1, 1_000_000),
    // K-LINK's maximum page size is 100 (shared/klink-api/README.md §6).
    pageSize: intParam(firstParam(params, "pageSize"), DEFAULT_CONTACT_PAGE_SIZE, 1, 100),
  };
}

const paramsOf = (query: ContactListQuery) => ({
  keyword: query.keyword,
  page: query.page === 1 ? undefined : query.page,
  pageSize: query.pageSize === DEFAULT_CONTACT_PAGE_SIZE ? undefined : query.pageSize,
});

export function contactListHref(query: ContactListQuery): string {
  return `/contacts${queryString(paramsOf(query))}`;
}

export function contactListProxyUrl(query: ContactListQuery): string {
  return `/api/klink/v1/contacts${queryString({ keyword: query.keyword, page: query.page, pageSize: query.pageSize })}`;
}
