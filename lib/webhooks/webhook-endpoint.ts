import "server-only";
// The handler behind POST /api/webhooks/klink/{connectionId}. No session: a delivery is
// authenticated by the connection's webhook settings. Built from its dependencies so tests can
// give it their own settings loader, database and processor.
import { z } from "zod";
import type { Db } from "../db/client";
import type { DeliveryWriter } from "./delivery-writer";
import { clientIp } from "../auth/client-ip";
import { errorBody } from "../http/errors";
import { route } from "../http/route";
import { logger } from "../log/logger";
import type { DeliveryProcessor } from "./process-deliveries";
import { readLimitedBody } from "./read-limited-body";
import { receiveDelivery, type ReceiveOutcome } from "./receive-delivery";
import type { WebhookSettings } from "./webhook-settings";

export type WebhookEndpointDeps = {
  loadSettings: (connectionId: string) => Promise<WebhookSettings | null>;
  db: () => Db;
  writer: () => DeliveryWriter;
  /** Takes every accepted delivery, to process it right after the answer. */
  processor?: () => Pick<DeliveryProcessor, "leaseForNewRow" | "enqueue">;
  allowUnauthenticated: () => boolean;
  retentionDays: () => number;
};

const params = z.object({ connectionId: z.string() });

export function createWebhookEndpoint(deps: WebhookEndpointDeps) {
  return route({ access: "public", params }, async ({ req, params: { connectionId }, requestId }) => {
    const body = await readLimitedBody(req);
    let settings: WebhookSettings | null = null;
    if (!body.tooLarge) {
      try {
        settings = await deps.loadSettings(connectionId);
      } catch (error) {
        logger.error({ err: error, connectionId: connectionId.slice(0, 128) }, "webhook settings could not be loaded");
        return answer({ kind: "unavailable" }, requestId);
      }
    }
    const outcome = await receiveDelivery(
      { connectionId, headers: req.headers, body, sourceIp: clientIp(req.headers), settings },
      {
        db: deps.db(),
        writer: deps.writer(),
        allowUnauthenticated: deps.allowUnauthenticated(),
        retentionDays: deps.retentionDays(),
        processor: deps.processor?.(),
      },
    );
    return answer(outcome, requestId);
  });
}

function answer(outcome: ReceiveOutcome, requestId: string): Response {
  const noStore = { "cache-control": "no-store" };
  switch (outcome.kind) {
    case "accepted":
      return Response.json({ received: true, id: outcome.deliveryId }, { headers: noStore });
    case "duplicate":
      return Response.json({ received: true, id: outcome.deliveryId, duplicate: true }, { headers: noStore });
    case "ignored":
      return Response.json({ received: true, id: outcome.deliveryId, ignored: outcome.reason }, { headers: noStore });
    case "rejected":
      return Response.json(errorBody(outcome.status, outcome.code, outcome.message, requestId), {
        status: outcome.status,
        headers: { ...noStore, "x-webhook-delivery-id": outcome.deliveryId },
      });
    case "unavailable":
      return Response.json(errorBody(503, "unavailable", "The delivery could not be stored; send it again.", requestId), {
        status: 503,
        headers: { ...noStore, "retry-after": "5" },
      });
  }
}

