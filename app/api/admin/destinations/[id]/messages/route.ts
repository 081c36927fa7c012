import { z } from "zod";
import { route } from "@/lib/doors/route";
import { listMessages, messageQuerySchema } from "@/lib/forwarding/message-history";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route({ access: "admin", params, query: messageQuerySchema }, async ({ actor, params, query }) =>
  Response.json(await listMessages(actor, params.id, query)),
);
