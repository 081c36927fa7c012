// One webhook delivery: its redacted headers and its body, pretty-printed.
import { z } from "zod";
import { notFound } from "@/lib/errors/api-error";
import { route } from "@/lib/doors/route";
import { getDelivery } from "@/lib/webhooks/delivery-history";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(64) });

export const GET = route({ access: "admin", params }, async ({ actor, params }) => {
  const delivery = await getDelivery(actor, params.id);
  if (!delivery) throw notFound("No webhook delivery has this id.");
  return Response.json({ data: delivery }, { headers: { "cache-control": "no-store" } });
});
