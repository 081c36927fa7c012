import "server-only";
// POST /api/webhooks/klink/{connectionId} as a Next.js route handler (`next dev`, or a plain
// `next start`): the route wrapper's request id, log line and metrics around the same receiver
// the console's own server uses in front of Next.js (webhook-front-door.ts).
import { z } from "zod";
import { clientIp } from "../http/client-ip";
import { readLimitedBody } from "../webhooks/read-limited-body";
import { createDeliveryReceiver, deliveryAnswer, type WebhookEndpointDeps } from "../webhooks/webhook-endpoint";
import { webhookEndpointDeps } from "../webhooks/webhook-runtime";
import { route } from "./route";

const params = z.object({ connectionId: z.string() });

export function createWebhookEndpoint(deps: WebhookEndpointDeps) {
  const receive = createDeliveryReceiver(deps);
  return route(
    { access: "public", params, acceptAnyText: true },
    async ({ req, params: { connectionId }, requestId }) => {
      const body = await readLimitedBody(req);
      const answer = deliveryAnswer(
        await receive({ connectionId, headers: req.headers, body, sourceIp: clientIp(req.headers) }),
        requestId,
      );
      return Response.json(answer.body, { status: answer.status, headers: answer.headers });
    },
  );
}

/** The handler of this process, wired to the real database, settings, cache and live events. */
export const webhookEndpoint = createWebhookEndpoint(webhookEndpointDeps);
