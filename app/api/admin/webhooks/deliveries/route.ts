// The webhook history: filters connection, event, verification, status, from/to; cursor pages.
import { route } from "@/lib/doors/route";
import { listDeliveries } from "@/lib/webhooks/delivery-history";
import { filterOf, historyQuerySchema } from "@/lib/webhooks/history-query";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: historyQuerySchema }, async ({ actor, query }) =>
  Response.json(await listDeliveries(actor, filterOf(query), { cursor: query.cursor, limit: query.limit }), {
    headers: { "cache-control": "no-store" },
  }),
);
