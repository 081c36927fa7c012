// GET /api/reports/csv?table=&from=&to=&tz= — one table of the Reports page as CSV: every role
// (as the page), session or API key.
import { route } from "@/lib/doors/route";
import { buildReport } from "@/lib/reports/build-report";
import { reportCsvQuery, reportFailure, reportReadContext } from "@/lib/reports/report-api";
import { reportCsv } from "@/lib/reports/report-csv";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: reportCsvQuery }, async ({ actor, req, requestId, query }) => {
  const context = await reportReadContext(actor, req, requestId, query.connection);
  const report = await buildReport(context, { from: query.from, to: query.to, timeZone: query.tz });
  if (report.failure && report.summary.days.read === 0) throw reportFailure(report.failure);
  return new Response(reportCsv(report, query.table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="klink-report-${query.table}-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
