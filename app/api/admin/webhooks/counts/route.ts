// Deliveries per event type (unknown types included) over the last `hours` (default 24).
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { countByEventType } from "@/lib/webhooks/delivery-history";

export const dynamic = "force-dynamic";

const query = z.object({
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
});

export const GET = route({ access: "admin", query }, async ({ actor, query }) => {
  const since = new Date(Date.now() - query.hours * 3_600_000);
  // The list envelope of every console list; one page always (one entry per event type).
  return Response.json(
    { data: await countByEventType(actor, since), nextCursor: null, since: since.toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
});
