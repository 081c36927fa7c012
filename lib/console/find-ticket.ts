import "server-only";
// Finds one ticket by id. K-LINK has no "get ticket by id" endpoint (shared/klink-api/README.md §13: the 21
// endpoints), but its listing's keyword search finds a ticket number. So when the console has
// seen the ticket before (its number is in lib/klink-data/ticket-number-index.ts, learnt from
// every listing and ticket event), one search by that number finds it, its id checked. Otherwise
// the ticket is looked for in the ticket listing, newest first, 100 a page, a few pages at a time
// (which teaches the index as it goes). Every read goes through readKlink, so it is cached,
// role-checked and shared with the list views. The scan is bounded: a tenant with more tickets
// than the bound covers cannot have its oldest, never-seen tickets opened by id, and the
// not-found answer says so instead of reading forever.
import { ticketNumberOf } from "../klink-data/ticket-number-index";
import type { ShownAnswer } from "./normalize/answers";
import type { Ticket } from "./normalize/ticket";
import { readKlink, type KlinkRead, type ReadFailure, type ReadContext } from "./read-klink";

type Listing = ShownAnswer<"tickets.list">;
export type FoundTicket = Ticket;

export const FIND_TICKET_PAGE_SIZE = 100;
export const FIND_TICKET_MAX_PAGES = 50;
const PAGES_AT_ONCE = 4;

export type FindTicketResult =
  | {
      status: "found";
      ticket: FoundTicket;
      pagesRead: number;
      reads: KlinkRead<Listing>[];
      /** "number": one keyword search by the number the index held; "scan": the listing, page by page. */
      via: "number" | "scan";
    }
  | {
      status: "not_found";
      message: string;
      pagesRead: number;
      searched: number;
      total: number;
      reads: KlinkRead<Listing>[];
    }
  | { status: "failed"; failure: ReadFailure };

export type FindTicketOptions = { maxPages?: number; pagesAtOnce?: number };

export async function findTicket(
  page: ReadContext,
  id: string,
  options: FindTicketOptions = {},
): Promise<FindTicketResult> {
  const known = await findByKnownNumber(page, id);
  if (known) return known;
  const maxPages = Math.max(1, options.maxPages ?? FIND_TICKET_MAX_PAGES);
  const pagesAtOnce = Math.max(1, options.pagesAtOnce ?? PAGES_AT_ONCE);
  const readPage = (n: number) =>
    readKlink(page, "tickets.list", { query: { page: n, pageSize: FIND_TICKET_PAGE_SIZE } });

  const first = await readPage(1);
  if (!first.ok) return { status: "failed", failure: first.failure };
  const reads: KlinkRead<Listing>[] = [first];
  let pagesRead = 1;
  const inPage = (read: KlinkRead<Listing>) => (read.ok ? read.data.data.find((t) => t.id === id) : undefined);
  let ticket = inPage(first);

  const lastPage = Math.min(first.data.lastPage, maxPages);
  for (let start = 2; !ticket && start <= lastPage; start += pagesAtOnce) {
    const numbers = Array.from({ length: Math.min(pagesAtOnce, lastPage - start + 1) }, (_, i) => start + i);
    const batch = await Promise.all(numbers.map(readPage));
    pagesRead += batch.length;
    reads.push(...batch);
    // A page that could not be read may hold the ticket: say the read failed, not "not found".
    const failed = batch.find((r) => !r.ok);
    ticket = batch.map(inPage).find(Boolean);
    if (!ticket && failed && !failed.ok) return { status: "failed", failure: failed.failure };
  }
  if (ticket) return { status: "found", ticket, pagesRead, reads, via: "scan" };

  const total = first.data.total;
  const searched = Math.min(total, pagesRead * FIND_TICKET_PAGE_SIZE);
  return {
    status: "not_found",
    message: notFoundMessage(total, searched, first.data.lastPage > maxPages),
    pagesRead,
    searched,
    total,
    reads,
  };
}

/** The ticket by the number the index holds for its id, checked; null to scan instead. */
async function findByKnownNumber(page: ReadContext, id: string): Promise<FindTicketResult | null> {
  if (!page.connectionId) return null;
  const number = await ticketNumberOf(page.connectionId, id).catch(() => undefined);
  if (number === undefined) return null;
  const read = await searchByNumber(page, number, 1);
  // A failed search, or an index entry that no longer holds: the scan decides.
  const ticket = read.ok ? read.data.data.find((t) => t.id === id) : undefined;
  return ticket ? { status: "found", ticket, pagesRead: 1, reads: [read], via: "number" } : null;
}

/** Tickets whose number, title or description holds these digits: K-LINK's keyword search. */
function searchByNumber(page: ReadContext, number: number, n: number) {
  return readKlink(page, "tickets.list", {
    query: { keyword: String(number), page: n, pageSize: FIND_TICKET_PAGE_SIZE },
  });
}

export type FindByNumberResult =
  | { status: "found"; ticket: FoundTicket; reads: KlinkRead<Listing>[] }
  | { status: "not_found"; reads: KlinkRead<Listing>[] }
  | { status: "failed"; failure: ReadFailure };

/** Pages of the search by number read at most: a short number is in many titles, numbers and descriptions. */
export const FIND_BY_NUMBER_MAX_PAGES = 4;

/** The ticket with this number (/tickets/<number>): K-LINK's keyword search, the number checked. */
export async function findTicketByNumber(page: ReadContext, number: number): Promise<FindByNumberResult> {
  const first = await searchByNumber(page, number, 1);
  if (!first.ok) return { status: "failed", failure: first.failure };
  const reads: KlinkRead<Listing>[] = [first];
  const withNumber = (read: KlinkRead<Listing>) =>
    read.ok ? read.data.data.find((t) => Number(t.ticketNumber) === number) : undefined;
  let ticket = withNumber(first);
  const lastPage = Math.min(first.data.lastPage, FIND_BY_NUMBER_MAX_PAGES);
  if (!ticket && lastPage > 1) {
    const rest = await Promise.all(Array.from({ length: lastPage - 1 }, (_, i) => searchByNumber(page, number, i + 2)));
    reads.push(...rest);
    ticket = rest.map(withNumber).find(Boolean);
    const failed = rest.find((r) => !r.ok);
    if (!ticket && failed && !failed.ok) return { status: "failed", failure: failed.failure };
  }
  return ticket ? { status: "found", ticket, reads } : { status: "not_found", reads };
}

function notFoundMessage(total: number, searched: number, bounded: boolean): string {
  const count = (n: number) => n.toLocaleString("en");
  if (bounded) {
    return (
      `No ticket with this id is among the newest ${count(searched)} of ${count(total)} tickets. ` +
      "K-LINK cannot look a ticket up by its id, so the console searches the ticket list, newest first, " +
      `and stops after ${count(searched)} tickets; an older ticket can be found in the list by its number or title.`
    );
  }
  return `No ticket with this id is among the ${count(total)} tickets of this K-LINK connection. It may have been deleted, or belong to another connection.`;
}
