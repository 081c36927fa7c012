import "server-only";
// Which number each ticket has, per connection: K-LINK can look a ticket up by its number (the
// listing's keyword search) but not by its id, so a ticket's page finds it in one round trip
// once its number is known (lib/console/find-ticket.ts), and /tickets/<number> can open it.
// Learnt from every ticket listing the console loads from K-LINK and every ticket event K-LINK
// sends; kept in the console's cache (memory, or Redis shared by every instance) without tags,
// so that invalidating ticket lists keeps it, for INDEX_TTL_SECONDS. An entry may be out of date
// (numbers are not known to change, but nothing says they cannot): whoever uses it checks the
// ticket it leads to. Learning never fails a read: it runs after the answer and its errors are
// only logged.
import { LRUCache } from "lru-cache";
import type { CacheEntry } from "../cache/cache";
import { getCache } from "../cache/get-cache";
import { logger } from "../log/logger";

export const INDEX_TTL_SECONDS = 30 * 24 * 3600;
const POLICY = { ttlSeconds: INDEX_TTL_SECONDS, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 };
/** The endpoints whose answers list tickets ({ data: [...] }) or are one ({ data: {...} }). */
const TICKET_ANSWERS = new Set(["tickets.list", "tickets.byContact", "tickets.create", "tickets.update"]);

// Pairs this process has stored lately: a listing loaded again writes nothing. Kept for minutes
// only, so that an entry the cache dropped (its LRU bound, a Redis restart) is soon stored again.
const stored = new LRUCache<string, true>({ max: 50_000, ttl: 10 * 60_000 });

const idKey = (connectionId: string, id: string) => `${connectionId}|ticket-number|id:${id}`;
const numberKey = (connectionId: string, number: number) => `${connectionId}|ticket-number|n:${number}`;

type Pair = { id: string; number: number };

/** The ticket number the index holds for this id, if any. */
export async function ticketNumberOf(connectionId: string, id: string): Promise<number | undefined> {
  const entry = await getCache().get<number>(idKey(connectionId, id));
  return typeof entry?.value === "number" ? entry.value : undefined;
}

/** The ticket id the index holds for this number, if any. */
export async function ticketIdOf(connectionId: string, number: number): Promise<string | undefined> {
  const entry = await getCache().get<string>(numberKey(connectionId, number));
  return typeof entry?.value === "string" ? entry.value : undefined;
}

/**
 * Learns from an answer of K-LINK to one of the ticket endpoints; does nothing for the others.
 * At the next turn of the event loop: the read that brought the answer is answered first.
 */
export function learnFromAnswer(connectionId: string, endpoint: string, data: unknown): void {
  if (!TICKET_ANSWERS.has(endpoint)) return;
  setImmediate(() => {
    const inner = (data as { data?: unknown } | null)?.data;
    void learn(connectionId, Array.isArray(inner) ? inner : [inner]);
  });
}

/** Learns from a K-LINK ticket event's data (ticket.create, ticket.update). */
export function learnFromEvent(connectionId: string, eventType: string, data: unknown): void {
  if (eventType.startsWith("ticket.") && eventType !== "ticket.delete") void learn(connectionId, [data]);
}

/** Stores the tickets' pairs; resolves when they are stored (the callers above do not wait). */
export function learn(connectionId: string, tickets: unknown[]): Promise<void> {
  const pairs = tickets.map(pairOf).filter((p): p is Pair => p !== null);
  const fresh = pairs.filter((p) => !stored.has(`${connectionId}|${p.id}|${p.number}`));
  if (fresh.length === 0) return Promise.resolve();
  const cache = getCache();
  const storedAt = Date.now();
  const options = { connectionId, tags: [] };
  const entry = <T>(value: T): CacheEntry<T> => ({ value, storedAt, policy: POLICY });
  return Promise.all(
    fresh.map(async (p) => {
      await Promise.all([
        cache.set(idKey(connectionId, p.id), entry(p.number), options),
        cache.set(numberKey(connectionId, p.number), entry(p.id), options),
      ]);
      stored.set(`${connectionId}|${p.id}|${p.number}`, true);
    }),
  ).then(
    () => undefined,
    (error: unknown) => logger.warn({ err: error, connectionId }, "ticket numbers could not be stored"),
  );
}

/** id and number of a ticket as K-LINK sends it; the number as a whole number, or null. */
function pairOf(ticket: unknown): Pair | null {
  if (!ticket || typeof ticket !== "object") return null;
  const { id, ticketNumber } = ticket as { id?: unknown; ticketNumber?: unknown };
  const number =
    typeof ticketNumber === "string" && /^\d{1,15}$/.test(ticketNumber) ? Number(ticketNumber) : ticketNumber;
  if (typeof id !== "string" || !id || id.length > 200) return null;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 0) return null;
  return { id, number };
}

/** Forgets what this process stored (tests). */
export function forgetStoredTicketNumbers(): void {
  stored.clear();
}
