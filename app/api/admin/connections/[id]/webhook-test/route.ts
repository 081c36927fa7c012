// "Send test event": a correctly signed sample delivery to this console's own webhook URL.
import { z } from "zod";
import { loadWebhookSettings } from "@/lib/connections/load-webhook-settings";
import { env } from "@/lib/env";
import { route } from "@/lib/doors/route";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(128) });

export const POST = route({ access: "admin", params }, async ({ actor, audit, params }) =>
  Response.json({
    data: await sendTestEvent(actor, params.id, audit, {
      publicOrigin: env().NEXTAUTH_URL,
      loadSettings: loadWebhookSettings,
    }),
  }),
);
