import "server-only";
// A message changes the CX logs of its day: its stored report days (in every zone they were
// stored in) and the cached CX-log reads of finished days that contain it are dropped, so the next
// report reads that day again. The message's own time is read tolerantly (createdAt, sentAt,
// timestamp); without one, the time it was processed stands in.
import { invalidateTags } from "../cache/invalidate-tags";
import { parseKlinkTime, dateIn } from "../console/zoned-time";
import { asRecord, asText } from "../console/normalize/values";
import { db, type Db } from "../db/client";
import { cxLogUtcDayTag } from "../klink/cx-log-cache";
import { forgetDays, storedZones } from "./day-store";

export type MessageEvent = { connectionId: string; eventType: string; data: unknown; processedAt: Date };

/** When the message happened, in epoch ms. */
export function messageInstant(event: MessageEvent): number {
  const record = asRecord(event.data) ?? {};
  for (const key of ["createdAt", "sentAt", "timestamp", "updatedAt"]) {
    const ms = parseKlinkTime(asText(record[key]));
    if (!Number.isNaN(ms)) return ms;
  }
  return event.processedAt.getTime();
}

export async function forgetReportDaysOfMessages(
  events: readonly MessageEvent[],
  deps: { database?: Db; invalidate?: (connectionId: string, tags: string[]) => Promise<unknown> } = {},
): Promise<void> {
  const database = deps.database ?? db();
  const invalidate = deps.invalidate ?? invalidateTags;
  const byConnection = new Map<string, number[]>();
  for (const event of events) {
    if (!event.eventType.startsWith("message.")) continue;
    byConnection.set(event.connectionId, [...(byConnection.get(event.connectionId) ?? []), messageInstant(event)]);
  }
  for (const [connectionId, instants] of byConnection) {
    const utcDates = new Set(instants.map((ms) => new Date(ms).toISOString().slice(0, 10)));
    await invalidate(connectionId, [...utcDates].map(cxLogUtcDayTag));
    const zones = await storedZones(database, connectionId);
    const daysByZone = new Map(
      zones.map((zone) => [zone, [...new Set(instants.map((ms) => dateIn(zone, new Date(ms))))]] as const),
    );
    await forgetDays(database, connectionId, daysByZone);
  }
}
