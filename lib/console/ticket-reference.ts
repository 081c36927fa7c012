import "server-only";
// The reference lists the ticket pages need, read completely: the tenant's ticket form fields
// (status, priority and channel options, custom field labels and types) and the tags (ticket
// tags are set by UUID). Both are paginated listings; a handful of pages of 100 is far beyond
// what a tenant defines, and the bound keeps a misbehaving answer from looping.
import type { FormField } from "./normalize/form-field";
import type { Tag } from "./normalize/reference";
import { readKlink, type KlinkRead, type ReadFailure, type ReadContext } from "./read-klink";

const PAGE_SIZE = 100;
const MAX_PAGES = 5;

type Listing<T> = { lastPage: number; data: T[] };
export type AllPages<T> =
  | { ok: true; items: T[]; reads: KlinkRead<unknown>[] }
  | { ok: false; failure: ReadFailure; reads: KlinkRead<unknown>[] };

async function readAllPages<T>(read: (pageNumber: number) => Promise<KlinkRead<Listing<T>>>): Promise<AllPages<T>> {
  const first = await read(1);
  if (!first.ok) return { ok: false, failure: first.failure, reads: [first] };
  const rest = Array.from({ length: Math.min(first.data.lastPage, MAX_PAGES) - 1 }, (_, i) => i + 2);
  const more = await Promise.all(rest.map(read));
  const reads: KlinkRead<unknown>[] = [first, ...more];
  const items: T[] = [...first.data.data];
  for (const next of more) {
    if (!next.ok) return { ok: false, failure: next.failure, reads };
    items.push(...next.data.data);
  }
  return { ok: true, items, reads };
}

export function readTicketFields(page: ReadContext): Promise<AllPages<FormField>> {
  return readAllPages((n) => readKlink(page, "tickets.fields", { query: { page: n, pageSize: PAGE_SIZE } }));
}

export function readTags(page: ReadContext): Promise<AllPages<Tag>> {
  return readAllPages((n) => readKlink(page, "tags.list", { query: { page: n, pageSize: PAGE_SIZE } }));
}
