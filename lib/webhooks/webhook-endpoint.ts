import "server-only";
// What POST /api/webhooks/klink/{connectionId} does, whichever door a delivery came through: the
// Next.js route handler (lib/doors/webhook-route.ts) or the console's own server answering it
// straight from Node's request (lib/doors/webhook-front-door.ts), which is how `npm start` serves
// it. No session: a delivery is authenticated by the connection's webhook settings. Built from its
// dependencies so tests can give it their own settings loader, database and processor.
import type { WebhookSettings } from "../connections/webhook-settings";
import type { Db } from "../db/client";
import { ERROR_STATUS } from "../errors/api-error";
import { errorBody } from "../errors/error-body";
import { logger } from "../log/logger";
import type { DeliveryWriter } from "./delivery-writer";
import type { HeaderBag } from "./header-bag";
import type { DeliveryProcessor } from "./process-deliveries";
import type { LimitedBody } from "./read-limited-body";
import { receiveDelivery, type ReceiveOutcome } from "./receive-delivery";
import type { RejectionBudget } from "./rejection-budget";

export type WebhookEndpointDeps = {
  loadSettings: (connectionId: string) => Promise<WebhookSettings | null>;
  db: () => Db;
  writer: () => DeliveryWriter;
  /** Takes every accepted delivery, to process it right after the answer. */
  processor?: () => Pick<DeliveryProcessor, "leaseForNewRow" | "enqueue">;
  allowUnauthenticated: () => boolean;
  retentionDays: () => number;
  /** Limits what rejected deliveries cost per source address; without it every one is stored. */
  rejections?: () => RejectionBudget;
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
        rejections: deps.rejections?.(),
      },
    );
  };
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
        status: ERROR_STATUS[outcome.code],
        headers: outcome.deliveryId ? { ...noStore, "x-webhook-delivery-id": outcome.deliveryId } : noStore,
        body: errorBody(outcome.code, outcome.message, requestId),
      };
    case "throttled":
      return {
        status: ERROR_STATUS.rate_limited,
        headers: { ...noStore, "retry-after": String(outcome.retryAfterSeconds) },
        body: errorBody("rate_limited", "Too many rejected deliveries from this address; try again later.", requestId),
      };
    case "unavailable":
      return {
        status: ERROR_STATUS.unavailable,
        headers: { ...noStore, "retry-after": "5" },
        body: errorBody("unavailable", "The delivery could not be stored; send it again.", requestId),
      };
  }
}
