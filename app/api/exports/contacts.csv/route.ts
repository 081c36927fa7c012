// GET /api/exports/contacts.csv?keyword=… — every contact matching the search as CSV, streamed;
// for the list's "Export CSV" button and for scripts (API keys).
import { csvExportRoute } from "@/lib/doors/export-route";
import { contactExportQuerySchema } from "@/lib/exports/export-query";

export const dynamic = "force-dynamic";

export const GET = csvExportRoute("contacts", contactExportQuerySchema);
