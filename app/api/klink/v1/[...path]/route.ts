// Every K-LINK endpoint of the registry, mirrored under /api/klink/v1/... (see lib/klink-data).
// A signed-in viewer may reach the route; each endpoint's own role is checked by callKlink.
import { route } from "@/lib/doors/route";
import { handleProxyRequest, proxyMetricsRoute } from "@/lib/klink-data/proxy-route";

export const dynamic = "force-dynamic";

const handler = route({ access: "viewer", metricsRoute: proxyMetricsRoute }, handleProxyRequest);

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
