import "server-only";
// Receives one webhook delivery: verifies it and STORES IT BEFORE ANSWERING, accepted or not, so
// nothing K-LINK sends is lost and every forgery is visible. Processing happens later, from the
// stored row (process-deliveries.ts). The answer is only a 2xx once the row is committed; when
// the database cannot take the row the answer is 503, so K-LINK delivers again.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { logger } from "../log/logger";
import type { NewDelivery } from "./delivery-sql";
import { isDuplicateDeliveryError, type DeliveryWriter } from "./delivery-writer";
import type { DeliveryProcessor } from "./process-deliveries";
import type { LimitedBody } from "./read-limited-body";
import type { HeaderBag } from "./header-bag";
import type { RejectionBudget } from "./rejection-budget";
import { claimedEventType, parseEnvelope } from "./parse-envelope";
import { eventEffects } from "./event-effects";
import { redactHeaders } from "./redact-headers";
import { verifyDelivery } from "./verify-delivery";
import type { WebhookSettings } from "../connections/webhook-settings";

export type IncomingDelivery = {
  connectionId: string;
  headers: HeaderBag;
  body: LimitedBody;
  sourceIp: string | null;
  /** The connection's webhook settings; null when no such connection exists. */
  settings: WebhookSettings | null;
};

export type ReceiverOptions = {
  db: Db;
  /** Commits rows (grouped with concurrent deliveries) into that same database. */
  writer: DeliveryWriter;
  allowUnauthenticated: boolean;
  /** Deliveries are kept this long; an older body cannot be checked for duplicates (see below). */
  retentionDays: number;
  /** This instance's processor: an accepted row is inserted already claimed by it and handed
   * over once committed, so processing starts right after the answer without another query. */
  processor?: Pick<DeliveryProcessor, "leaseForNewRow" | "enqueue">;
  /** Limits what rejected deliveries cost per source address (rejection-budget.ts); without it every one is stored. */
  rejections?: RejectionBudget;
  now?: () => Date;
};

export type ReceiveOutcome =
  | { kind: "accepted"; deliveryId: string }
  | { kind: "duplicate"; deliveryId: string; originalId: string | null }
  | { kind: "ignored"; deliveryId: string; reason: string }
  /** deliveryId null: over the address's stored-rejections budget, counted but not stored. */
  | { kind: "rejected"; deliveryId: string | null; code: RejectionCode; message: string }
  /** Over the address's rejections limit: 429, nothing stored. */
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "unavailable" };

/** Why a delivery was refused; its answer's status follows from lib/errors/api-error.ts. */
export type RejectionCode =
  "payload_too_large" | "unknown_connection" | "invalid_signature" | "unauthenticated" | "bad_json";

const MAX_CONNECTION_ID_LENGTH = 128;

export async function receiveDelivery(incoming: IncomingDelivery, options: ReceiverOptions): Promise<ReceiveOutcome> {
  try {
    return await storeDelivery(incoming, options);
  } catch (error) {
    // Whatever went wrong, nothing was committed: answering 503 makes K-LINK try again.
    logger.error(
      { err: error, connectionId: incoming.connectionId.slice(0, MAX_CONNECTION_ID_LENGTH) },
      "webhook delivery could not be stored",
    );
    return { kind: "unavailable" };
  }
}

async function storeDelivery(incoming: IncomingDelivery, options: ReceiverOptions): Promise<ReceiveOutcome> {
  const { body, settings } = incoming;
  const base = {
    connectionId: incoming.connectionId.slice(0, MAX_CONNECTION_ID_LENGTH),
    headers: redactHeaders(incoming.headers, settings?.mode === "header" ? settings.headerName : undefined),
    sourceIp: incoming.sourceIp?.slice(0, 100) ?? null,
  };
  const insert = (row: Omit<NewDelivery, keyof typeof base>) => options.writer.insert({ ...base, ...row });
  // A delivery refused before it is known to come from the connection's sender: within the
  // address's budget it is stored; beyond, counted only, or refused with 429.
  const reject = async (
    row: Omit<NewDelivery, keyof typeof base>,
    code: RejectionCode,
    message: string,
  ): Promise<ReceiveOutcome> => {
    const admitted = options.rejections ? await options.rejections.admit(base.sourceIp) : "store";
    if (typeof admitted === "object") return { kind: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
    return rejected(admitted === "store" ? await insert(row) : null, code, message);
  };

  if (body.tooLarge) {
    return reject(
      { verification: "too_large", status: "rejected", bodySize: body.declaredLength ?? body.bytesRead },
      "payload_too_large",
      "The body is larger than 1 MiB.",
    );
  }

  const rawBody = body.body;
  const described = { bodySize: rawBody.length, dedupeKey: createHash("sha256").update(rawBody).digest("hex") };

  if (!settings) {
    return reject(
      { ...described, verification: "unknown_connection", status: "rejected", eventType: claimedEventType(rawBody) },
      "unknown_connection",
      "No K-LINK connection has this id.",
    );
  }

  const verification = verifyDelivery(settings, incoming.headers, rawBody, {
    allowUnauthenticated: options.allowUnauthenticated,
  });
  if (verification !== "verified") {
    const outcome = await reject(
      { ...described, verification, status: "rejected", eventType: claimedEventType(rawBody) },
      verification,
      "The delivery is not authenticated for this connection.",
    );
    if (outcome.kind === "rejected" && outcome.deliveryId)
      logger.warn(
        { deliveryId: outcome.deliveryId, connectionId: base.connectionId, verification },
        "webhook delivery rejected",
      );
    return outcome;
  }

  const parsed = parseEnvelope(rawBody);
  if (!parsed.ok) {
    // A body that cannot be stored as sent is kept in its storable form, so the history shows it.
    const id = await insert({
      ...described,
      verification: "bad_json",
      status: "rejected",
      lastError: parsed.reason,
      rawBody: parsed.storableBody ?? null,
    });
    return rejected(id, "bad_json", parsed.reason);
  }

  const { event, timestamp, data } = parsed.envelope;
  const about = eventEffects(event, data).live;
  const accepted = {
    ...described,
    verification: "verified",
    eventType: event,
    eventTimestamp: timestamp,
    rawBody: rawBody.toString("utf8"),
    subjectId: about?.id ?? null,
    contactId: about?.contactId ?? (event.startsWith("contact.") ? (about?.id ?? null) : null),
  };

  // Duplicates are found by the body's hash, and only within the rows still kept. A signed body
  // older than the retention window may have had its row purged, so it cannot be proven new: it
  // is recorded but never processed (a captured delivery cannot be replayed once forgotten).
  if (isOlderThanRetention(timestamp, options)) {
    const id = await insert({
      ...accepted,
      status: "rejected",
      lastError: `The event timestamp is older than the ${options.retentionDays}-day retention window.`,
    });
    return { kind: "ignored", deliveryId: id, reason: "older_than_retention" };
  }

  const lease = options.processor?.leaseForNewRow() ?? null;
  try {
    const id = await insert({
      ...accepted,
      dedupeSlot: described.dedupeKey,
      ...(lease ? { status: "processing", lockedUntil: lease, attempts: 1 } : { status: "pending" }),
    });
    if (lease)
      options.processor!.enqueue({
        id,
        connectionId: base.connectionId,
        eventType: event,
        rawBody: accepted.rawBody,
        attempts: 1,
        lease,
      });
    return { kind: "accepted", deliveryId: id };
  } catch (error) {
    if (!isDuplicateDeliveryError(error)) throw error;
  }
  // The unique (connectionId, dedupeSlot) index refused the row: this body was accepted before,
  // possibly a moment ago by a concurrent request. Record the attempt; never process it.
  const original = await options.db.webhookDelivery.findFirst({
    where: { connectionId: base.connectionId, dedupeSlot: described.dedupeKey },
    select: { id: true },
  });
  const id = await insert({ ...accepted, rawBody: null, status: "duplicate", duplicateOfId: original?.id ?? null });
  return { kind: "duplicate", deliveryId: id, originalId: original?.id ?? null };
}

function rejected(deliveryId: string | null, code: RejectionCode, message: string): ReceiveOutcome {
  return { kind: "rejected", deliveryId, code, message };
}

function isOlderThanRetention(timestamp: string | null, options: ReceiverOptions): boolean {
  if (!timestamp) return false;
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return false;
  const now = (options.now?.() ?? new Date()).getTime();
  return at < now - options.retentionDays * 86_400_000;
}
