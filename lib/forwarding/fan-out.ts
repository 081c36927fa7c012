import "server-only";
// The outbox: for each accepted K-LINK event, one message per enabled destination whose filters
// match, written before the inbound delivery counts as processed (lib/webhooks/process-deliveries
// runs this). A process that dies before this committed leaves the inbound row unprocessed, and
// the sweep runs it again; the unique (destinationId, deliveryId) makes that second run write
// nothing twice. So no accepted event is lost and none is queued twice.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import type { DatabaseProvider } from "../db/provider";
import { sqlTime } from "../db/sql-time";
import { timeOrderedId } from "../db/time-ordered-id";
import { matchesConnections, matchesEventTypes, stringList } from "./event-filter";

export type AcceptedEvent = { id: string; connectionId: string; eventType: string | null; rawBody: string | null };

export type NewMessage = {
  id?: string;
  destinationId: string;
  deliveryId: string | null;
  connectionId: string | null;
  eventType: string;
  payload: string;
  receivedAt: Date;
};

/** `msg_` + a time-ordered id: the `webhook-id` receivers deduplicate by. */
export function newMessageId(): string {
  return timeOrderedId("msg_");
}

/** The body every attempt sends: {type, timestamp, data, connectionId}, from K-LINK's envelope. */
export function forwardPayload(event: AcceptedEvent, receivedAt: Date): { type: string; body: string } | null {
  if (!event.rawBody || !event.eventType) return null;
  let envelope: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(event.rawBody);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) envelope = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const timestamp =
    typeof envelope.timestamp === "string" && envelope.timestamp ? envelope.timestamp : receivedAt.toISOString();
  const body = JSON.stringify({
    type: event.eventType,
    timestamp,
    data: envelope.data ?? null,
    connectionId: event.connectionId,
  });
  return { type: event.eventType, body };
}

/** Inserts messages in one statement; a (destination, delivery) pair already queued is skipped. */
export async function insertMessages(
  database: Db,
  provider: DatabaseProvider,
  messages: NewMessage[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const now = sqlTime(provider, new Date());
  const values = messages.map(
    (m) =>
      Prisma.sql`(${m.id ?? newMessageId()}, ${m.destinationId}, ${m.deliveryId}, ${m.connectionId}, ${m.eventType}, ${m.payload},
        ${sqlTime(provider, m.receivedAt)}, ${now}, 'pending', 0)`,
  );
  return database.$executeRaw`INSERT INTO "ForwardMessage"
      ("id", "destinationId", "deliveryId", "connectionId", "eventType", "payload", "receivedAt", "createdAt", "status", "attempts")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("destinationId", "deliveryId") DO NOTHING`;
}

export type FanOutOptions = {
  db: Db;
  provider: DatabaseProvider;
  /** Called once messages were written, to start sending them at once. */
  onQueued?: () => void;
};

export function createFanOut(options: FanOutOptions) {
  return async (events: AcceptedEvent[]): Promise<void> => {
    const destinations = await options.db.forwardDestination.findMany({
      where: { enabled: true },
      select: { id: true, eventTypes: true, connectionIds: true },
    });
    if (destinations.length === 0 || events.length === 0) return;
    const received = await options.db.webhookDelivery.findMany({
      where: { id: { in: events.map((e) => e.id) } },
      select: { id: true, receivedAt: true },
    });
    const receivedAt = new Map(received.map((r) => [r.id, r.receivedAt]));
    const messages: NewMessage[] = [];
    for (const event of events) {
      const at = receivedAt.get(event.id) ?? new Date();
      const payload = forwardPayload(event, at);
      if (!payload) continue;
      for (const destination of destinations) {
        if (!matchesEventTypes(stringList(destination.eventTypes), payload.type)) continue;
        if (!matchesConnections(stringList(destination.connectionIds), event.connectionId)) continue;
        messages.push({
          destinationId: destination.id,
          deliveryId: event.id,
          connectionId: event.connectionId,
          eventType: payload.type,
          payload: payload.body,
          receivedAt: at,
        });
      }
    }
    if ((await insertMessages(options.db, options.provider, messages)) > 0) options.onQueued?.();
  };
}
