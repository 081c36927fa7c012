import "server-only";
// The jobs every console instance runs beside serving requests, on one scheduler: the webhook
// processing sweep (retries, and deliveries a stopped instance left unprocessed), the webhook
// retention purge and the audit retention purge. Several instances may run them at once: claims
// and deletes are safe to race.
import { purgeAudit } from "../audit/purge-audit";
import { purgeRecordChanges } from "../collisions/record-change";
import { purgeNotifications } from "../notifications/user-notifications";
import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../log/logger";
import { processGlobal } from "../process-global";
import { purgeDeliveries } from "../webhooks/purge-deliveries";
import { webhookProcessor } from "../webhooks/webhook-runtime";
import { scheduleJob } from "./schedule";
import { forwardDispatcher } from "../forwarding/forwarding-runtime";

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

const started = processGlobal<boolean>("background-jobs");

export function startBackgroundJobs(): void {
  if (started.get()) return;
  started.set(true);
  scheduleJob({
    name: "webhook processing sweep",
    firstRunAfterMs: 0,
    everyMs: 5 * SECOND,
    run: () => webhookProcessor().drain(),
  });
  scheduleJob({
    name: "forwarding sweep",
    firstRunAfterMs: 0,
    everyMs: 2 * SECOND,
    run: () => forwardDispatcher().drain(),
  });
  scheduleJob({
    name: "webhook retention purge",
    firstRunAfterMs: 0,
    everyMs: HOUR,
    run: async () => {
      const retentionDays = env().WEBHOOK_RETENTION_DAYS;
      const deleted = await purgeDeliveries(db(), retentionDays);
      if (deleted) logger.info({ deleted, retentionDays }, "webhook deliveries purged");
    },
  });
  scheduleJob({
    name: "notification and recent-change purge",
    firstRunAfterMs: 60 * SECOND,
    everyMs: HOUR,
    run: async () => {
      const notifications = await purgeNotifications(env().NOTIFICATION_RETENTION_DAYS);
      const changes = await purgeRecordChanges();
      if (notifications || changes)
        logger.info({ notifications, changes }, "old notifications and recent changes purged");
    },
  });
  // A few minutes after start, so a restarting fleet does not purge all at once.
  scheduleJob({
    name: "audit retention purge",
    firstRunAfterMs: 5 * 60 * SECOND,
    everyMs: 6 * HOUR,
    run: async () => {
      const deleted = await purgeAudit();
      if (deleted > 0) logger.info({ deleted }, "audit records past retention deleted");
    },
  });
}
