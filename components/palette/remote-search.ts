"use client";
// The palette's K-LINK searches through the console's own proxy (the signed-in user's role, the
// active connection, the cache): the ticket listing's keyword search (titles, descriptions and
// ticket numbers) and the contact listing's, five of each.
import { consoleApi } from "@/lib/console/console-api";
import { normalizeContact } from "@/lib/console/normalize/contact";
import { normalizeListing } from "@/lib/console/normalize/listing";
import { normalizeTicket } from "@/lib/console/normalize/ticket";
import type { PaletteItem, RemoteSource } from "@/lib/console/palette-search";
import { queryString } from "@/lib/console/search-params";

const LIMIT = 5;

export async function searchKlink(source: RemoteSource, query: string, signal: AbortSignal): Promise<PaletteItem[]> {
  // "#38012" is how people write a ticket number; K-LINK's keyword wants the digits.
  const keyword = source === "Tickets" ? query.replace(/^#(?=\d)/, "") : query;
  const path = source === "Tickets" ? "tickets" : "contacts";
  const result = await consoleApi(`/api/klink/v1/${path}${queryString({ keyword, page: 1, pageSize: LIMIT })}`, {
    signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  if (source === "Tickets") {
    return normalizeListing(result.data, normalizeTicket).data.map((ticket) => ({
      id: `palette-ticket-${ticket.id}`,
      group: "Tickets",
      label: `${ticket.ticketNumber !== undefined && ticket.ticketNumber !== null ? `#${ticket.ticketNumber} ` : ""}${ticket.title ?? "(no title)"}`,
      detail: [ticket.status, ticket.contact?.name].filter(Boolean).join(" · ") || undefined,
      href: `/tickets/${encodeURIComponent(ticket.id)}`,
    }));
  }
  return normalizeListing(result.data, normalizeContact).data.map((contact) => ({
    id: `palette-contact-${contact.id}`,
    group: "Contacts",
    label: contact.name ?? "(no name)",
    detail: contact.contactEmails[0]?.email ?? contact.contactPhones[0]?.phone ?? contact.contactNumber ?? undefined,
    href: `/contacts/${encodeURIComponent(contact.id)}`,
  }));
}
