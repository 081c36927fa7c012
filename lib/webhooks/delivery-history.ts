import "server-only";
// Reading the webhook history for admins: the filtered list (newest first, cursor pagination),
// one delivery with its headers and pretty-printed body, and counts per event type. Admins only,
// checked here as well as by the routes and pages.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { pageArgs, toPage, withinLimit, type PageQuery } from "../http/pagination";
import { equalTo, timeRange } from "../http/list-filter";
import { eventEffects } from "./event-effects";

export type DeliveryFilter = {
  connectionId?: string;
  eventType?: string;
  verification?: string;
  status?: string;
  from?: Date;
  to?: Date;
};

const SUMMARY_FIELDS = {
  id: true,
  receivedAt: true,
  connectionId: true,
  eventType: true,
  eventTimestamp: true,
  verification: true,
  status: true,
  attempts: true,
  bodySize: true,
  sourceIp: true,
  duplicateOfId: true,
  lastError: true,
  processedAt: true,
  nextAttemptAt: true,
} as const;

export type DeliverySummary = Prisma.WebhookDeliveryGetPayload<{ select: typeof SUMMARY_FIELDS }>;

/** At most this many deliveries a page. */
export const MAX_DELIVERY_PAGE = 200;

export async function listDeliveries(
  actor: Actor,
  filter: DeliveryFilter,
  page: Partial<PageQuery> = {},
  database: Db = defaultDb(),
) {
  assertRole(actor, "admin");
  const bounded = withinLimit(page, MAX_DELIVERY_PAGE);
  // The filter's other fields are the columns they filter.
  const { from, to, ...columns } = filter;
  const rows = await database.webhookDelivery.findMany({
    where: { ...equalTo(columns), receivedAt: timeRange(from, to) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    ...pageArgs(bounded),
    select: SUMMARY_FIELDS,
  });
  return toPage(rows, bounded);
}

export type DeliveryDetail = DeliverySummary & {
  headers: Record<string, string>;
  dedupeKey: string | null;
  /** The stored body, pretty-printed when it is JSON; null for rejected deliveries (not kept). */
  body: string | null;
  /** Whether the console knows what to do with this event type. */
  knownEvent: boolean;
};

export async function getDelivery(
  actor: Actor,
  id: string,
  database: Db = defaultDb(),
): Promise<DeliveryDetail | null> {
  assertRole(actor, "admin");
  const row = await database.webhookDelivery.findUnique({
    where: { id },
    select: { ...SUMMARY_FIELDS, headers: true, dedupeKey: true, rawBody: true },
  });
  if (!row) return null;
  const { rawBody, headers, ...rest } = row;
  return {
    ...rest,
    headers: (headers ?? {}) as Record<string, string>,
    body: rawBody === null ? null : prettyJson(rawBody),
    knownEvent: row.eventType ? eventEffects(row.eventType, null).known : false,
  };
}

export type EventTypeCount = {
  eventType: string | null;
  known: boolean;
  total: number;
  /** By processing status: processed, failed, pending, processing, rejected, duplicate. */
  byStatus: Record<string, number>;
};

/** Deliveries per event type received since `since` (unknown types included), most frequent first. */
export async function countByEventType(
  actor: Actor,
  since: Date,
  database: Db = defaultDb(),
): Promise<EventTypeCount[]> {
  assertRole(actor, "admin");
  const groups = await database.webhookDelivery.groupBy({
    by: ["eventType", "status"],
    where: { receivedAt: { gte: since } },
    _count: { _all: true },
  });
  const byType = new Map<string | null, EventTypeCount>();
  for (const group of groups) {
    const entry = byType.get(group.eventType) ?? {
      eventType: group.eventType,
      known: group.eventType ? eventEffects(group.eventType, null).known : false,
      total: 0,
      byStatus: {},
    };
    entry.total += group._count._all;
    entry.byStatus[group.status] = (entry.byStatus[group.status] ?? 0) + group._count._all;
    byType.set(group.eventType, entry);
  }
  return [...byType.values()].sort(
    (a, b) => b.total - a.total || String(a.eventType).localeCompare(String(b.eventType)),
  );
}

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
