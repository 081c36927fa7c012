// GET /api/exports/tickets.csv?status=…&priority=…&channel=…&keyword=… — every ticket matching the
// filters as CSV, streamed; for the list's "Export CSV" button and for scripts (API keys).
import { csvExportRoute } from "@/lib/doors/export-route";
import { ticketExportQuerySchema } from "@/lib/exports/export-query";

export const dynamic = "force-dynamic";

export const GET = csvExportRoute("tickets", ticketExportQuerySchema);
