// Bulk status changes from the browser. K-LINK has no bulk endpoint, so each ticket is one
// PUT /api/klink/v1/tickets/{id}/status through the console's proxy — each one validated,
// role-checked and audited on its own — a few at a time so K-LINK is not flooded. A stop signal
// lets running calls finish and starts no new ones. Safe to import in client components.
import { consoleApi, type ConsoleApiError } from "./console-api";
import { shownAnswer } from "./normalize/answers";
import type { Ticket } from "./normalize/ticket";
import { uriComponent } from "../http/uri-component";

export const BULK_CONCURRENCY = 4;
/** At most this many tickets in one "all matching" change (50 listing pages of 100). */
export const BULK_MAX_TICKETS = 5_000;
const LIST_PAGE_SIZE = 100;
/** A 429 asking to wait at most this long is waited out once, then the item counts as failed. */
const RATE_LIMIT_WAIT_MAX_SECONDS = 30;

export type BulkTarget = { id: string; label: string };
export type BulkItemResult = BulkTarget & ({ ok: true } | { ok: false; message: string; requestId?: string });

const labelOf = (t: Ticket) => (t.ticketNumber ? `#${t.ticketNumber}` : t.id) + (t.title ? ` ${t.title}` : "");

/**
 * Every ticket matching a listing query (the proxy URL's search params without page/pageSize),
 * read before anything changes: changing statuses moves tickets out of a status filter, which
 * would shift the pages under a reader that changed as it went.
 */
export async function listMatchingTickets(
  query: URLSearchParams,
  options: { signal?: AbortSignal; onPage?: (read: number, of: number) => void } = {},
): Promise<{ ok: true; tickets: BulkTarget[] } | { ok: false; error: ConsoleApiError }> {
  const pageUrl = (page: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(page));
    params.set("pageSize", String(LIST_PAGE_SIZE));
    return `/api/klink/v1/tickets?${params}`;
  };
  const read = async (page: number) => {
    const answer = await consoleApi(pageUrl(page), { signal: options.signal });
    return answer.ok ? { ...answer, data: shownAnswer("tickets.list", answer.data) } : answer;
  };
  const first = await read(1);
  if (!first.ok) return first;
  const lastPage = Math.min(first.data.lastPage, BULK_MAX_TICKETS / LIST_PAGE_SIZE);
  const tickets = new Map(first.data.data.map((t) => [t.id, labelOf(t)]));
  options.onPage?.(1, lastPage);
  for (let page = 2; page <= lastPage; page++) {
    if (options.signal?.aborted) break;
    const next = await read(page);
    if (!next.ok) return next;
    for (const t of next.data.data) tickets.set(t.id, labelOf(t));
    options.onPage?.(page, lastPage);
  }
  return { ok: true, tickets: [...tickets].map(([id, label]) => ({ id, label })) };
}

/** Runs `work` over `items` with at most `concurrency` at once; stops starting new ones once `signal` aborts. */
export async function runPool<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  options: { concurrency: number; signal?: AbortSignal; onResult?: (result: R, item: T) => void },
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const item = items[next++];
      const result = await work(item);
      results.push(result);
      options.onResult?.(result, item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, lane));
  return results;
}

export async function setTicketStatus(target: BulkTarget, status: string): Promise<BulkItemResult> {
  const put = () =>
    consoleApi(`/api/klink/v1/tickets/${uriComponent(target.id)}/status`, { method: "PUT", body: { status } });
  let answer = await put();
  if (
    !answer.ok &&
    answer.error.status === 429 &&
    (answer.error.retryAfterSeconds ?? Infinity) <= RATE_LIMIT_WAIT_MAX_SECONDS
  ) {
    await new Promise((resolve) => setTimeout(resolve, (answer.ok ? 0 : answer.error.retryAfterSeconds!) * 1000));
    answer = await put();
  }
  if (answer.ok) return { ...target, ok: true };
  return {
    ...target,
    ok: false,
    message: answer.error.message,
    ...(answer.error.requestId ? { requestId: answer.error.requestId } : {}),
  };
}

export function changeTicketStatuses(
  targets: readonly BulkTarget[],
  status: string,
  options: { signal?: AbortSignal; onResult?: (result: BulkItemResult) => void; concurrency?: number } = {},
): Promise<BulkItemResult[]> {
  return runPool(targets, (target) => setTicketStatus(target, status), {
    concurrency: options.concurrency ?? BULK_CONCURRENCY,
    signal: options.signal,
    onResult: options.onResult,
  });
}
