import { z } from "zod";
import { route } from "@/lib/doors/route";
import { forwardDispatcher } from "@/lib/forwarding/forwarding-runtime";
import { replayFailedSince } from "@/lib/forwarding/replay-messages";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });
const body = z.strictObject({ since: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }) });

export const POST = route({ access: "admin", params, body }, async ({ actor, params, body, audit }) =>
  Response.json(await replayFailedSince(actor, params.id, new Date(body.since), forwardDispatcher(), audit), {
    status: 202,
  }),
);
