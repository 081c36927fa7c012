// Re-runs the processing of one verified delivery (audited).
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { replayDelivery } from "@/lib/webhooks/replay-delivery";
import { webhookProcessor } from "@/lib/webhooks/webhook-runtime";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(64) });

export const POST = route({ access: "admin", params }, async ({ actor, audit, params }) =>
  Response.json({ data: await replayDelivery(actor, params.id, audit, webhookProcessor()) }),
);
