// GET /api/admin/audit — the audit log, newest first, filtered; `{ data, nextCursor }`.
import { listAuditForAdmin } from "@/lib/audit/admin-audit";
import { auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { route } from "@/lib/doors/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: auditQuerySchema }, async ({ actor, query }) => {
  const page = await listAuditForAdmin(actor, auditFilterOf(query), { cursor: query.cursor, limit: query.limit });
  return Response.json(page, { headers: { "cache-control": "no-store" } });
});
