// Test access to the run's database and a way to empty it between files.
import { db } from "../../lib/db/client";

export const testDb = db;

/** Deletes every row of every table (children first). */
export async function resetDatabase(): Promise<void> {
  const d = db();
  await d.savedViewDefault.deleteMany();
  await d.savedView.deleteMany();
  await d.apiKey.deleteMany();
  await d.userIdentity.deleteMany();
  await d.user.deleteMany();
  await d.loginThrottle.deleteMany();
  await d.auditLog.deleteMany();
  await d.webhookDelivery.deleteMany();
  await d.klinkConnection.deleteMany();
  await d.klinkDrift.deleteMany();
  await d.cannedReply.deleteMany();
  await d.follow.deleteMany();
  await d.notification.deleteMany();
  await d.recordChange.deleteMany();
  await d.forwardDestination.deleteMany();
  await d.reportDay.deleteMany();
}
