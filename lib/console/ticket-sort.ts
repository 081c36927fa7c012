// Orders the rows of ONE page of the ticket list. K-LINK documents no sort parameter for the
// ticket listing and always answers newest first, so the console cannot sort all matching
// tickets without reading every page; it says so next to the control. Status and priority follow
// the order of the tenant's own options (low → urgent, open → closed), not the alphabet.
// Safe to import in client components.
import { asNumber } from "./normalize/values";
import { optionRank, type FormField, type Ticket } from "./ticket-field-model";
import type { TicketListState } from "./ticket-query";

const text = (value: string | null | undefined) => value ?? "";
const time = (value: string | null | undefined) => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

export function sortTicketsOfPage<T extends Ticket>(
  tickets: readonly T[],
  sort: TicketListState["sort"],
  fields: readonly FormField[],
): T[] {
  if (!sort) return [...tickets];
  const statusRank = optionRank(fields, "status");
  const priorityRank = optionRank(fields, "priority");
  const compare: (a: T, b: T) => number = {
    number: (a: T, b: T) => (asNumber(a.ticketNumber) ?? 0) - (asNumber(b.ticketNumber) ?? 0),
    title: (a: T, b: T) =>
      text(a.title).localeCompare(text(b.title), undefined, { sensitivity: "base", numeric: true }),
    status: (a: T, b: T) => statusRank(a.status) - statusRank(b.status),
    priority: (a: T, b: T) => priorityRank(a.priority) - priorityRank(b.priority),
    updated: (a: T, b: T) => time(a.updatedAt) - time(b.updatedAt),
  }[sort.key];
  const sign = sort.direction === "asc" ? 1 : -1;
  // Stable: equal rows keep K-LINK's order (newest first).
  return tickets
    .map((ticket, index) => ({ ticket, index }))
    .sort((a, b) => sign * compare(a.ticket, b.ticket) || a.index - b.index)
    .map((entry) => entry.ticket);
}
