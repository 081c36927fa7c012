import { route } from "@/lib/doors/route";
import { createCannedReply, listCannedReplies } from "@/lib/canned-replies/canned-replies";
import { cannedReplyCreateSchema } from "@/lib/canned-replies/canned-reply-input";

export const dynamic = "force-dynamic";

export const GET = route({ access: "agent" }, async ({ actor }) =>
  Response.json({ data: await listCannedReplies(actor), nextCursor: null }),
);

export const POST = route({ access: "agent", body: cannedReplyCreateSchema }, async ({ actor, body, audit }) =>
  Response.json(await createCannedReply(actor, body, audit), { status: 201 }),
);
