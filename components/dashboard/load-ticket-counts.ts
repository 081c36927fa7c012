import "server-only";
// One ticket-count load per request, shared by the dashboard's sections (the cards, the stale
// banner, the health card) that each await it inside their own Suspense boundary.
import { cache } from "react";
import { ticketCounts } from "@/lib/console/dashboard-counts";

export const loadTicketCounts = cache(ticketCounts);
