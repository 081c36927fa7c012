import "server-only";
// The CSV export endpoints (GET /api/exports/tickets.csv, /api/exports/contacts.csv): route() for
// authentication and query parsing, the export role (EXPORT_MIN_ROLE) checked here and again in
// lib/exports, the connection as the proxy chooses it (?connection=, else the signed-in user's
// switcher, else the default), and one audit record per export once it ends (who, filter, rows,
// and whether it was complete, cut off at the cap, cancelled or failed).
import type { z } from "zod";
import { canExport, exportMinRole } from "../exports/export-access";
import { exportFilterOf } from "../exports/export-query";
import type { ExportKind } from "../exports/csv-columns";
import { startCsvExport } from "../exports/csv-export";
import { roleDenied } from "../identity/assert-role";
import { requestConnectionId } from "./request-connection";
import { route } from "./route";

export const EXPORT_TOTAL_HEADER = "x-export-total";
export const EXPORT_ROWS_HEADER = "x-export-rows";

export function csvExportRoute(kind: ExportKind, schema: z.ZodObject) {
  return route({ access: "viewer", query: schema }, async ({ req, actor, audit, query, requestId }) => {
    const values = query as Record<string, string | undefined>;
    const filter = exportFilterOf(values);
    if (!canExport(actor)) {
      await audit({ action: `${kind}.export`, outcome: "denied", status: 403, details: { filter } });
      throw roleDenied(exportMinRole(), actor.role);
    }
    const connectionId = await requestConnectionId(req, actor, values.connection);
    const started = performance.now();
    const csv = await startCsvExport({
      actor,
      connectionId,
      kind,
      filter,
      requestId,
      signal: req.signal,
      onFinish: (outcome) =>
        audit({
          action: `${kind}.export`,
          outcome: outcome.status === "complete" ? "success" : "failure",
          status: 200,
          connectionId,
          latencyMs: performance.now() - started,
          details: { filter, ...outcome },
        }),
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv.stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="klink-${kind}-${day}.csv"`,
        "cache-control": "no-store",
        [EXPORT_TOTAL_HEADER]: String(csv.total),
        [EXPORT_ROWS_HEADER]: String(csv.expectedRows),
      },
    });
  });
}
