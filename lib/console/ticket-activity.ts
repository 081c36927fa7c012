import "server-only";
// A ticket's activity, newest first, from what the console itself has seen: the K-LINK webhook
// deliveries about the ticket (WebhookDelivery.subjectId, filled when a delivery is accepted) and
// the changes staff made through the console (the audit log's ticket records). K-LINK has no
// ticket history endpoint, so this is the history since the console started receiving webhooks.
// A delivery carries the whole ticket, not a diff: what changed is found by comparing it with
// the delivery before it.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { db as defaultDb, type Db } from "../db/client";
import { customFieldMap, customFieldsOf } from "./normalize/custom-fields";
import { displayValue } from "./ticket-field-model";

export type ActivityChange = { field: string; from?: string; to: string };

export type TicketActivityEntry = {
  id: string;
  at: Date;
  source: "webhook" | "console";
  /** The webhook event type (ticket.update) or the audit action (ticket.update_status). */
  kind: string;
  /** Processing status of a delivery (processed, failed …) or the outcome of a console change. */
  state: string;
  /** Who made a console change. */
  actor?: string;
  changes: ActivityChange[];
  /** A delivery's processing error, or why a console change failed. */
  note?: string;
};

export type TicketActivity = { entries: TicketActivityEntry[]; truncated: boolean };

export const TICKET_ACTIVITY_LIMIT = 50;

/** The fields a change summary names, in this order; custom fields follow. */
const TRACKED = ["status", "priority", "title", "channel", "type", "assignee", "tags"] as const;
/** What a first sighting (ticket.create, or nothing older kept) shows of the ticket. */
const FIRST_SIGHT = ["status", "priority", "title"] as const;

export async function listTicketActivity(
  actor: Actor,
  where: { connectionId: string; ticketId: string },
  options: { limit?: number } = {},
  database: Db = defaultDb(),
): Promise<TicketActivity> {
  assertRole(actor, "viewer");
  const limit = Math.min(Math.max(options.limit ?? TICKET_ACTIVITY_LIMIT, 1), 200);
  const [deliveries, audits] = await Promise.all([
    database.webhookDelivery.findMany({
      // Duplicates repeat a delivery already listed (and keep no body); forgeries are never accepted.
      where: {
        connectionId: where.connectionId,
        subjectId: where.ticketId,
        verification: "verified",
        status: { not: "duplicate" },
      },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      // One more than shown: the oldest shown delivery is compared with the one before it.
      take: limit + 2,
      select: { id: true, receivedAt: true, eventType: true, status: true, lastError: true, rawBody: true },
    }),
    database.auditLog.findMany({
      where: { connectionId: where.connectionId, targetType: "ticket", targetId: where.ticketId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: {
        id: true,
        createdAt: true,
        action: true,
        outcome: true,
        actorEmail: true,
        actorType: true,
        details: true,
        after: true,
      },
    }),
  ]);

  const snapshots = deliveries.map((d) => snapshotOf(d.rawBody));
  const fromWebhooks: TicketActivityEntry[] = deliveries.slice(0, limit + 1).map((d, i) => {
    const previous = snapshots.slice(i + 1).find((s) => s !== null) ?? null;
    const current = snapshots[i];
    return {
      id: d.id,
      at: d.receivedAt,
      source: "webhook",
      kind: d.eventType ?? "unknown",
      state: d.status,
      changes: current ? changesBetween(previous, current, d.eventType?.endsWith(".create") ?? false) : [],
      ...(d.lastError ? { note: d.lastError } : {}),
    };
  });
  const fromConsole: TicketActivityEntry[] = audits.map((a) => {
    const details = (a.details ?? {}) as { body?: unknown; error?: { message?: unknown } };
    // A refusal by K-LINK keeps K-LINK's own answer (its reason) as the record's "after".
    const refusal =
      a.outcome !== "success" && a.after && typeof a.after === "object"
        ? (a.after as { message?: unknown }).message
        : undefined;
    const error =
      typeof refusal === "string"
        ? refusal
        : typeof details.error?.message === "string"
          ? details.error.message
          : undefined;
    return {
      id: a.id,
      at: a.createdAt,
      source: "console",
      kind: a.action,
      state: a.outcome,
      actor: a.actorEmail ?? a.actorType,
      changes: requestedChanges(details.body),
      ...(error ? { note: error } : {}),
    };
  });

  const merged = [...fromWebhooks, ...fromConsole].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id),
  );
  return { entries: merged.slice(0, limit), truncated: merged.length > limit };
}

type Snapshot = Record<string, string>;

/** The tracked values of the ticket a delivery carries; null when the body is not a ticket event. */
function snapshotOf(rawBody: string | null): Snapshot | null {
  if (!rawBody) return null;
  let data: unknown;
  try {
    data = (JSON.parse(rawBody) as { data?: unknown }).data;
  } catch {
    return null;
  }
  if (!data || typeof data !== "object") return null;
  const ticket = data as Record<string, unknown>;
  const snapshot: Snapshot = {};
  for (const key of TRACKED) {
    const value =
      key === "assignee"
        ? (ticket.assignee ?? ticket.assigneeId)
        : key === "tags"
          ? tagNames(ticket.tags)
          : ticket[key];
    if (value !== undefined) snapshot[key] = displayValue(value);
  }
  for (const [key, value] of Object.entries(customFieldMap(customFieldsOf(ticket))))
    snapshot[key] = displayValue(value);
  return snapshot;
}

function tagNames(tags: unknown): unknown {
  if (!Array.isArray(tags)) return tags;
  return tags
    .map((t) =>
      t && typeof t === "object" ? String((t as { name?: unknown }).name ?? (t as { id?: unknown }).id) : String(t),
    )
    .sort();
}

function changesBetween(previous: Snapshot | null, current: Snapshot, created: boolean): ActivityChange[] {
  if (!previous || created)
    return FIRST_SIGHT.filter((key) => key in current).map((key) => ({ field: key, to: current[key] }));
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])];
  return keys
    .filter((key) => (current[key] ?? "—") !== (previous[key] ?? "—"))
    .map((key) => ({ field: key, from: previous[key] ?? "—", to: current[key] ?? "—" }));
}

/** What a console change asked for (the audited request body), e.g. status → closed. */
function requestedChanges(body: unknown): ActivityChange[] {
  if (!body || typeof body !== "object") return [];
  const changes: ActivityChange[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === "customFields" && value && typeof value === "object") {
      for (const [name, custom] of Object.entries(value as Record<string, unknown>))
        changes.push({ field: name, to: displayValue(custom) });
    } else if (key !== "description") {
      changes.push({
        field: key === "contact_id" ? "contact" : key,
        to: key === "tags" && Array.isArray(value) ? `${value.length} tag(s)` : displayValue(value),
      });
    } else {
      changes.push({ field: key, to: "(edited)" });
    }
  }
  return changes;
}
