// Live events for open console pages (Server-Sent Events). Any signed-in role may listen: events
// carry ids only, nothing a viewer may not see. A stream resumes from the browser's
// Last-Event-ID when it reconnects, or from `since` (epoch ms: when the page was rendered) when
// it first opens, replaying what this instance heard since (lib/events/sse-stream.ts).
import { z } from "zod";
import { getEventBus } from "@/lib/events/get-event-bus";
import { createEventStream, SSE_HEADERS } from "@/lib/events/sse-stream";
import { route } from "@/lib/doors/route";

export const dynamic = "force-dynamic";

const epochMs = z
  .string()
  .regex(/^\d{1,15}$/, "must be a time in epoch milliseconds")
  .transform(Number);

const query = z.object({ connection: z.string().min(1).max(128).optional(), since: epochMs.optional() });

export const GET = route({ access: "viewer", query }, async ({ req, query }) => {
  // What EventSource sends back is whatever id it last received: ignore anything else.
  const lastEventId = epochMs.safeParse(req.headers.get("last-event-id") ?? "");
  const resumeFrom = lastEventId.success ? lastEventId.data : query.since;
  const stream = createEventStream(getEventBus(), { signal: req.signal, connectionId: query.connection, resumeFrom });
  return new Response(stream, { headers: SSE_HEADERS });
});
