import { z } from "zod";
import { route } from "@/lib/doors/route";
import { deleteCannedReply, updateCannedReply } from "@/lib/canned-replies/canned-replies";
import { cannedReplyUpdateSchema } from "@/lib/canned-replies/canned-reply-input";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const PATCH = route(
  { access: "agent", params, body: cannedReplyUpdateSchema },
  async ({ actor, params, body, audit }) => Response.json(await updateCannedReply(actor, params.id, body, audit)),
);

export const DELETE = route({ access: "agent", params }, async ({ actor, params, audit }) =>
  Response.json(await deleteCannedReply(actor, params.id, audit)),
);
