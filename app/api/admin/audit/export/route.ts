// GET /api/admin/audit/export — the filtered audit log as CSV, streamed. The export is audited.
import { exportAuditCsvForAdmin } from "@/lib/audit/admin-audit";
import { auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { route } from "@/lib/doors/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: auditQuerySchema }, async ({ actor, audit, query }) => {
  const filter = auditFilterOf(query);
  const stream = exportAuditCsvForAdmin(actor, filter);
  await audit({ action: "audit.export", outcome: "success", status: 200, details: { filter } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="klink-console-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
