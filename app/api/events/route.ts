// Live events for open console pages (Server-Sent Events). Any signed-in role may listen: events
// carry ids only, nothing a viewer may not see.
import { z } from "zod";
import { getEventBus } from "@/lib/events/get-event-bus";
import { createEventStream, SSE_HEADERS } from "@/lib/events/sse-stream";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const query = z.object({ connection: z.string().min(1).max(128).optional() });

export const GET = route({ access: "viewer", query }, async ({ req, query }) => {
  const stream = createEventStream(getEventBus(), { signal: req.signal, connectionId: query.connection });
  return new Response(stream, { headers: SSE_HEADERS });
});
