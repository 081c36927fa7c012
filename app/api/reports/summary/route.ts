// GET /api/reports/summary?from=&to=&tz= — the Reports page's numbers as JSON, for scripts: every
// role (as the page), session or API key. Durations are in seconds.
import { route } from "@/lib/doors/route";
import { buildReport } from "@/lib/reports/build-report";
import { reportFailure, reportReadContext, reportSummaryQuery } from "@/lib/reports/report-api";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: reportSummaryQuery }, async ({ actor, req, requestId, query }) => {
  const context = await reportReadContext(actor, req, requestId, query.connection);
  const report = await buildReport(context, { from: query.from, to: query.to, timeZone: query.tz });
  if (report.failure && report.summary.days.read === 0) throw reportFailure(report.failure);
  return Response.json({ durationUnit: "seconds", ...report }, { headers: { "cache-control": "no-store" } });
});
