// Live events for open console pages (Server-Sent Events). Any signed-in role may listen: events
// carry ids only, nothing a viewer may not see. A stream resumes from the browser's
// Last-Event-ID when it reconnects, or from `since` (epoch ms: when the page was rendered) when
// it first opens, replaying what this instance heard since (lib/events/sse-stream.ts).
import { z } from "zod";
import { getEventBus } from "@/lib/events/get-event-bus";
import { createEventStream, SSE_HEADERS } from "@/lib/events/sse-stream";
import { route } from "@/lib/doors/route";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors/api-error";
import { takeStreamSlot } from "@/lib/events/stream-slots";

export const dynamic = "force-dynamic";

const epochMs = z
  .string()
  .regex(/^\d{1,15}$/, "must be a time in epoch milliseconds")
  .transform(Number);

const query = z.object({ connection: z.string().min(1).max(128).optional(), since: epochMs.optional() });

export const GET = route({ access: "viewer", query }, async ({ req, query, actor }) => {
  // At most LIVE_STREAMS_PER_USER per user and LIVE_STREAMS_PER_PROCESS here (README "Limits and abuse").
  const release = takeStreamSlot(actor.userId, {
    perUser: env().LIVE_STREAMS_PER_USER,
    perProcess: env().LIVE_STREAMS_PER_PROCESS,
  });
  if (!release)
    throw new ApiError("rate_limited", "Too many live-event streams are open; close a tab or try again later.", {
      headers: { "retry-after": "10" },
    });
  // What EventSource sends back is whatever id it last received: ignore anything else.
  const lastEventId = epochMs.safeParse(req.headers.get("last-event-id") ?? "");
  const resumeFrom = lastEventId.success ? lastEventId.data : query.since;
  const stream = createEventStream(getEventBus(), {
    signal: req.signal,
    connectionId: query.connection,
    resumeFrom,
    onClose: release,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
