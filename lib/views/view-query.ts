// What a saved view holds of its list's URL: the filters, page size and sort (never the page
// number), in the list's own normal form, so a view opens exactly as the list page would link
// it; and the URLs derived from it: the list page, and the K-LINK listing its count is read from
// (a proxy URL, so it is also the SWR key the live events revalidate). Safe to import anywhere.
import { contactListHref, contactListQuery } from "../console/contact-list-query";
import { firstParams, queryString } from "../console/search-params";
import { parseTicketListState, ticketListHref } from "../console/ticket-query";

export const VIEW_LISTS = ["tickets", "contacts"] as const;
export type ViewList = (typeof VIEW_LISTS)[number];

/** The view's query in normal form ("status=open&pageSize=50"), from any query string or URL. */
export function normalViewQuery(list: ViewList, raw: string): string {
  const params = new URLSearchParams(raw.includes("?") ? raw.slice(raw.indexOf("?") + 1) : raw.replace(/^\?/, ""));
  const href =
    list === "tickets"
      ? ticketListHref({ ...parseTicketListState(params), page: 1 })
      : contactListHref({ ...contactListQuery(firstParams(Object.fromEntries(params))), page: 1 });
  const at = href.indexOf("?");
  return at === -1 ? "" : href.slice(at + 1);
}

/** The list page showing the view. */
export function viewHref(list: ViewList, query: string): string {
  return `/${list}${query ? `?${query}` : ""}`;
}

/** The K-LINK listing of the view's filters, one item a page: its `total` is the view's count. */
export function viewCountUrl(list: ViewList, query: string): string {
  const params = new URLSearchParams(query);
  const filters =
    list === "tickets"
      ? parseTicketListState(params).filters
      : { keyword: contactListQuery(firstParams(Object.fromEntries(params))).keyword };
  return `/api/klink/v1/${list}${queryString({ ...filters, page: 1, pageSize: 1 })}`;
}
