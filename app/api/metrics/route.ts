// Prometheus metrics of this process. Not public: METRICS_TOKEN as a Bearer token, or an admin.
import { route } from "@/lib/doors/route";
import { assertMetricsAccess } from "@/lib/doors/metrics-access";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async ({ req }) => {
  await assertMetricsAccess(req);
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
