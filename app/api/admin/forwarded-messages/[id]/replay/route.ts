import { z } from "zod";
import { route } from "@/lib/doors/route";
import { forwardDispatcher } from "@/lib/forwarding/forwarding-runtime";
import { replayMessage } from "@/lib/forwarding/replay-messages";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route({ access: "admin", params }, async ({ actor, params, audit }) =>
  Response.json(await replayMessage(actor, params.id, forwardDispatcher(), audit)),
);
