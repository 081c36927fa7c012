// A console tab's presence on a ticket or contact page: a heartbeat every few seconds (with what
// its user is doing), and "left" when it closes. Answers who else is there. Any signed-in role.
// Not audited: it changes nothing, and lasts seconds.
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { recordRefSchema } from "@/lib/collisions/record-ref";
import { getEventBus } from "@/lib/events/get-event-bus";
import { getPresenceStore } from "@/lib/presence/get-presence-store";
import { heartbeat, leave } from "@/lib/presence/presence";
import { PRESENCE_STATES } from "@/lib/presence/presence-store";

export const dynamic = "force-dynamic";

const body = z.object({
  connection: z.string().min(1).max(128),
  record: recordRefSchema,
  tab: z.string().regex(/^[\w-]{8,64}$/, "must be the tab's id"),
  state: z.enum([...PRESENCE_STATES, "left"]),
});

export const POST = route({ access: "viewer", body }, async ({ actor, body }) => {
  const bus = getEventBus();
  const deps = { store: getPresenceStore(), publish: bus.publish.bind(bus) };
  const input = { connectionId: body.connection, record: body.record, tab: body.tab };
  if (body.state === "left") {
    await leave(actor, input, deps);
    return Response.json({ data: [] }, { headers: { "cache-control": "no-store" } });
  }
  const others = await heartbeat(actor, { ...input, state: body.state }, deps);
  return Response.json({ data: others }, { headers: { "cache-control": "no-store" } });
});
