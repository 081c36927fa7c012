import "server-only";
// What was forwarded: a destination's messages with their attempts (time, status, latency, the
// first bytes of the answer), filtered by status, event type and time; and, for one inbound
// delivery, where it was forwarded.
import { z } from "zod";
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { equalTo, timeRange } from "../http/list-filter";
import { pageArgs, pageQuerySchema, toPage } from "../http/pagination";
import { parseUtcInstant } from "../http/utc-instant";

export const MESSAGE_STATUSES = ["pending", "processing", "delivered", "failed"] as const;

const instant = (bound: "start" | "end") =>
  z
    .string()
    .max(40)
    .transform((v, ctx) => {
      if (!v.trim()) return undefined;
      const at = parseUtcInstant(v, bound);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "must be a date or an ISO date-time" });
        return z.NEVER;
      }
      return at;
    })
    .optional();

export const messageQuerySchema = pageQuerySchema.extend({
  status: z.union([z.enum(MESSAGE_STATUSES), z.literal("")]).optional(),
  eventType: z.string().trim().max(100).optional(),
  from: instant("start"),
  to: instant("end"),
});

export type MessageQuery = z.output<typeof messageQuerySchema>;

const ATTEMPTS_SHOWN = 20;

function attemptView(a: {
  id: string;
  at: Date;
  status: number | null;
  latencyMs: number;
  error: string | null;
  response: string | null;
}) {
  return {
    id: a.id,
    at: a.at.toISOString(),
    status: a.status,
    latencyMs: a.latencyMs,
    error: a.error,
    response: a.response,
  };
}

function messageView(m: {
  id: string;
  destinationId: string;
  deliveryId: string | null;
  connectionId: string | null;
  eventType: string;
  status: string;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  attemptLog: Parameters<typeof attemptView>[0][];
}) {
  return {
    id: m.id,
    destinationId: m.destinationId,
    deliveryId: m.deliveryId,
    connectionId: m.connectionId,
    eventType: m.eventType,
    status: m.status,
    attempts: m.attempts,
    createdAt: m.createdAt.toISOString(),
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    lastStatus: m.lastStatus,
    lastError: m.lastError,
    attemptLog: m.attemptLog.map(attemptView),
  };
}

export type MessageView = ReturnType<typeof messageView>;

export async function listMessages(actor: Actor, destinationId: string, query: MessageQuery) {
  assertRole(actor, "admin");
  const destination = await db().forwardDestination.findUnique({ where: { id: destinationId }, select: { id: true } });
  if (!destination) throw notFound("No destination has this id.");
  const rows = await db().forwardMessage.findMany({
    where: {
      destinationId,
      ...equalTo({ status: query.status, eventType: query.eventType }),
      createdAt: timeRange(query.from, query.to),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { attemptLog: { orderBy: { at: "desc" }, take: ATTEMPTS_SHOWN } },
    ...pageArgs(query),
  });
  return toPage(rows, query, messageView);
}

/** Where one inbound delivery was forwarded, with each destination's name. */
export async function forwardsOfDelivery(actor: Actor, deliveryId: string) {
  assertRole(actor, "admin");
  const rows = await db().forwardMessage.findMany({
    where: { deliveryId },
    orderBy: { createdAt: "asc" },
    include: { destination: { select: { name: true } }, attemptLog: { orderBy: { at: "desc" }, take: ATTEMPTS_SHOWN } },
  });
  return rows.map((row) => ({ ...messageView(row), destinationName: row.destination.name }));
}
