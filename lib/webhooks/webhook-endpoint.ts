import "server-only";
// The handler behind POST /api/webhooks/klink/{connectionId}. No session: a delivery is
// authenticated by the connection's webhook settings. Built from its dependencies so tests can
// give it their own settings loader, database and processor.
//
// Two front doors share everything here: the Next.js route handler below, and the console's own
// server answering the same path straight from Node's request (node-webhook-endpoint.ts), which
// is how `npm start` serves it. Only reading the request and writing the answer differ.
import { z } from "zod";
import type { Db } from "../db/client";
import type { DeliveryWriter } from "./delivery-writer";
import { clientIp } from "../http/client-ip";
import { errorBody } from "../errors/api-error";
import { route } from "../doors/route";
import { logger } from "../log/logger";
import type { HeaderBag } from "./header-bag";
import type { DeliveryProcessor } from "./process-deliveries";
import { readLimitedBody, type LimitedBody } from "./read-limited-body";
import { receiveDelivery, type ReceiveOutcome } from "./receive-delivery";
import type { WebhookSettings } from "../connections/webhook-settings";

export type WebhookEndpointDeps = {
  loadSettings: (connectionId: string) => Promise<WebhookSettings | null>;
  db: () => Db;
  writer: () => DeliveryWriter;
  /** Takes every accepted delivery, to process it right after the answer. */
  processor?: () => Pick<DeliveryProcessor, "leaseForNewRow" | "enqueue">;
  allowUnauthenticated: () => boolean;
  retentionDays: () => number;
};

/** One delivery as it arrived, whichever front door it came through. */
export type ArrivedDelivery = { connectionId: string; headers: HeaderBag; body: LimitedBody; sourceIp: string | null };

export type DeliveryAnswer = { status: number; headers: Record<string, string>; body: unknown };

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Verifies, stores and hands over one delivery; never throws (a fault is `unavailable`). */
export function createDeliveryReceiver(deps: WebhookEndpointDeps) {
  return async ({ connectionId: claimed, headers, body, sourceIp }: ArrivedDelivery): Promise<ReceiveOutcome> => {
    // No connection id has control characters; such a path is stored (as unknown) without them,
    // because a database may refuse them (PostgreSQL refuses NUL) and answer 503 for anyone.
    const connectionId = claimed.replace(CONTROL_CHARACTERS, "\uFFFD");
    let settings: WebhookSettings | null = null;
    if (!body.tooLarge && connectionId === claimed) {
      try {
        settings = await deps.loadSettings(connectionId);
      } catch (error) {
        logger.error({ err: error, connectionId: connectionId.slice(0, 128) }, "webhook settings could not be loaded");
        return { kind: "unavailable" };
      }
    }
    return receiveDelivery(
      { connectionId, headers, body, sourceIp, settings },
      {
        db: deps.db(),
        writer: deps.writer(),
        allowUnauthenticated: deps.allowUnauthenticated(),
        retentionDays: deps.retentionDays(),
        processor: deps.processor?.(),
      },
    );
  };
}

const params = z.object({ connectionId: z.string() });

/** The Next.js route handler. */
export function createWebhookEndpoint(deps: WebhookEndpointDeps) {
  const receive = createDeliveryReceiver(deps);
  return route({ access: "public", params }, async ({ req, params: { connectionId }, requestId }) => {
    const body = await readLimitedBody(req);
    const answer = deliveryAnswer(
      await receive({ connectionId, headers: req.headers, body, sourceIp: clientIp(req.headers) }),
      requestId,
    );
    return Response.json(answer.body, { status: answer.status, headers: answer.headers });
  });
}

/** What K-LINK is told: the status it acts on, and the stored row's id for the sender's logs. */
export function deliveryAnswer(outcome: ReceiveOutcome, requestId: string): DeliveryAnswer {
  const noStore = { "cache-control": "no-store" };
  switch (outcome.kind) {
    case "accepted":
      return { status: 200, headers: noStore, body: { received: true, id: outcome.deliveryId } };
    case "duplicate":
      return { status: 200, headers: noStore, body: { received: true, id: outcome.deliveryId, duplicate: true } };
    case "ignored":
      return {
        status: 200,
        headers: noStore,
        body: { received: true, id: outcome.deliveryId, ignored: outcome.reason },
      };
    case "rejected":
      return {
        status: outcome.status,
        headers: { ...noStore, "x-webhook-delivery-id": outcome.deliveryId },
        body: errorBody(outcome.status, outcome.code, outcome.message, requestId),
      };
    case "unavailable":
      return {
        status: 503,
        headers: { ...noStore, "retry-after": "5" },
        body: errorBody(503, "unavailable", "The delivery could not be stored; send it again.", requestId),
      };
  }
}
