import "server-only";
// Reads a K-LINK listing page by page for an export: 100 items a page (K-LINK's maximum), through
// callKlink (role check, cache, circuit breaker), at most `pagesInFlight` pages asked for at once,
// handed on in page order. The first page is read before anything is streamed, so a refusal or an
// unreachable K-LINK is a clean error answer instead of a broken download.
import type { Actor } from "../identity/actor";
import { callKlink } from "../klink-data/call-klink";
import { shownAnswer } from "../console/normalize/answers";
import type { Listing } from "../console/normalize/listing";

export const EXPORT_PAGE_SIZE = 100;
export const EXPORT_PAGES_IN_FLIGHT = 4;

export type ListingEndpoint = "tickets.list" | "contacts.list";

export type PageSource<T> = {
  first: Listing<T>;
  /** Pages 2… up to the last one needed for `maxRows`, in order. */
  rest(): AsyncGenerator<Listing<T>>;
};

type Options = {
  actor: Actor;
  connectionId: string;
  endpoint: ListingEndpoint;
  query: Record<string, string>;
  maxRows: number;
  pagesInFlight?: number;
};

export async function pageThrough<T>(options: Options): Promise<PageSource<T>> {
  const read = async (page: number): Promise<Listing<T>> => {
    const answer = await callKlink({
      actor: options.actor,
      connectionId: options.connectionId,
      endpoint: options.endpoint,
      input: { query: { ...options.query, page, pageSize: EXPORT_PAGE_SIZE } },
    });
    return shownAnswer(options.endpoint, answer.data) as unknown as Listing<T>;
  };
  const first = await read(1);
  const lastNeeded = Math.min(first.lastPage, Math.ceil(options.maxRows / EXPORT_PAGE_SIZE));
  const inFlight = Math.max(1, options.pagesInFlight ?? EXPORT_PAGES_IN_FLIGHT);

  async function* rest(): AsyncGenerator<Listing<T>> {
    const pending: Promise<Listing<T>>[] = [];
    let next = 2;
    const fill = () => {
      while (pending.length < inFlight && next <= lastNeeded) {
        const page = read(next++);
        // Handled when its turn comes; this only keeps an early rejection from being "unhandled".
        page.catch(() => undefined);
        pending.push(page);
      }
    };
    fill();
    while (pending.length) {
      const page = await pending.shift()!;
      fill();
      yield page;
    }
  }

  return { first, rest };
}
