import "server-only";
// The webhook parts of this console instance, wired to the real database, connection settings,
// cache and live event bus. One writer and one processor per process (whichever bundle asks, so
// there is one queue and one sweep).
import { invalidateTags } from "../cache/invalidate-tags";
import { loadWebhookSettings } from "../connections/load-webhook-settings";
import { db } from "../db/client";
import { databaseProvider } from "../db/provider";
import { env } from "../env";
import { getEventBus } from "../events/get-event-bus";
import { onWebhookEvents } from "../notifications/on-webhook-event";
import { createDeliveryWriter, type DeliveryWriter } from "./delivery-writer";
import { createDeliveryProcessor, type DeliveryProcessor } from "./process-deliveries";
import { unauthenticatedAllowed } from "./unauthenticated-policy";
import type { WebhookEndpointDeps } from "./webhook-endpoint";
import { addressRejectionBudget } from "./rejection-budget";
import { processGlobal } from "../process-global";
import { forwardAcceptedEvents } from "../forwarding/forwarding-runtime";
import { forgetReportDaysOfMessages } from "../reports/on-message-events";

const processWriter = processGlobal<DeliveryWriter>("webhook-writer");
const processProcessor = processGlobal<DeliveryProcessor>("webhook-processor");

export function deliveryWriter(): DeliveryWriter {
  return processWriter.init(() => createDeliveryWriter(db(), databaseProvider(env().DATABASE_URL)));
}

export function webhookProcessor(): DeliveryProcessor {
  return processProcessor.init(() =>
    createDeliveryProcessor({
      db: db(),
      provider: databaseProvider(env().DATABASE_URL),
      // The cached K-LINK data an event makes stale is dropped before open pages are told.
      invalidate: async (connectionId, tags) => void (await invalidateTags(connectionId, tags)),
      // Open pages hear of each change first; the batch's collision records and followers'
      // notifications follow, a few statements for the whole batch.
      publish: (event) => getEventBus().publish(event),
      afterPublish: (events) => onWebhookEvents(events, (notice) => getEventBus().publish(notice)),
      fanOut: forwardAcceptedEvents,
      onEvents: forgetReportDaysOfMessages,
    }),
  );
}

/** What the webhook endpoint's two doors (lib/doors/webhook-route.ts, webhook-front-door.ts) run on. */
export const webhookEndpointDeps: WebhookEndpointDeps = {
  loadSettings: loadWebhookSettings,
  db,
  writer: deliveryWriter,
  processor: webhookProcessor,
  allowUnauthenticated: () => unauthenticatedAllowed(env()),
  retentionDays: () => env().WEBHOOK_RETENTION_DAYS,
  rejections: () =>
    addressRejectionBudget({
      storedPerMinute: env().WEBHOOK_REJECTIONS_STORED_PER_MINUTE,
      perMinute: env().WEBHOOK_REJECTIONS_PER_MINUTE,
    }),
};
