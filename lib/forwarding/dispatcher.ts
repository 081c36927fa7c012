import "server-only";
// Sends the outbox: claims due messages with a lease (lib/db/lease-claims.ts, as inbound webhook
// processing does), so any number of console instances share the work and a message is never in
// two instances' hands at once; a message whose instance died is claimed again when its lease
// runs out. Each attempt is recorded; its outcome decides what follows:
//   2xx          delivered.
//   410          the receiver is gone: the message fails and the destination is disabled.
//   anything else (no answer, timeout, refused by the SSRF guard, 3xx, 4xx, 5xx): retried on the
//                schedule of retry-schedule.ts, or after Retry-After (429, 503); failed after the
//                last attempt. A destination failing without a success for `disableAfterMs`
//                is disabled, with the reason shown to admins.
import type { Db } from "../db/client";
import { claimData, claimableWhere } from "../db/lease-claims";
import { decryptSecret } from "../crypto/secret-box";
import { guardedPost, type PostResult } from "../http/guarded-post";
import type { SsrfPolicy } from "../http/ssrf-guard";
import { logger } from "../log/logger";
import type { DestinationRateLimit } from "./destination-rate-limit";
import { MAX_ATTEMPTS, retryAfterMs, retryDelayMs } from "./retry-schedule";
import { signedHeaders } from "./signing";

export type DispatchOutcome = {
  destinationId: string;
  messageId: string;
  result: "delivered" | "retry" | "failed";
  status: number | null;
  latencyMs: number;
  /** From inbound receipt to this answer, for delivered messages. */
  endToEndMs: number | null;
};

export type DispatcherOptions = {
  db: Db;
  policy: () => SsrfPolicy;
  rateLimit: DestinationRateLimit;
  disableAfterMs: () => number;
  leaseMs?: number;
  batchSize?: number;
  /** Messages sent at once by this instance. */
  concurrency?: number;
  retryDelayMs?: (attemptsMade: number) => number | null;
  now?: () => Date;
  onOutcome?: (outcome: DispatchOutcome) => void;
};

export type Dispatcher = {
  /** Sends every message that is due now; resolves with how many attempts were made. */
  drain(): Promise<number>;
  /** Sends one message now, whatever its status (a replay); false when another instance holds it. */
  sendNow(messageId: string): Promise<DispatchOutcome | null>;
};

type Destination = {
  id: string;
  url: string;
  enabled: boolean;
  headerName: string | null;
  headerValueCiphertext: string | null;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
  rateLimitPerSecond: number;
  timeoutMs: number;
  failingSince: Date | null;
};

type Claimed = {
  id: string;
  payload: string;
  attempts: number;
  receivedAt: Date;
  lease: Date;
  destination: Destination;
};

const DESTINATION_FIELDS = {
  id: true,
  url: true,
  enabled: true,
  headerName: true,
  headerValueCiphertext: true,
  secretCiphertext: true,
  previousSecretCiphertext: true,
  previousSecretExpiresAt: true,
  rateLimitPerSecond: true,
  timeoutMs: true,
  failingSince: true,
} as const;
const MESSAGE_FIELDS = { id: true, payload: true, attempts: true, receivedAt: true } as const;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const messages = options.db.forwardMessage;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const delayAfter = options.retryDelayMs ?? ((n: number) => retryDelayMs(n));
  const now = options.now ?? (() => new Date());

  let draining: Promise<number> | null = null;
  let drainAgain = false;

  const due = (at: Date) => ({ ...claimableWhere(at), destination: { enabled: true } });

  async function claim(id: string, where: object): Promise<Date | null> {
    const lease = new Date(now().getTime() + leaseMs);
    const { count } = await messages.updateMany({ where: { id, ...where }, data: claimData(lease) });
    return count === 1 ? lease : null;
  }

  function secretsOf(destination: Destination): string[] {
    const secrets = [decryptSecret(destination.secretCiphertext)];
    if (
      destination.previousSecretCiphertext &&
      destination.previousSecretExpiresAt &&
      destination.previousSecretExpiresAt > now()
    ) {
      secrets.push(decryptSecret(destination.previousSecretCiphertext));
    }
    return secrets;
  }

  async function send(message: Claimed): Promise<DispatchOutcome | null> {
    const { destination } = message;
    const wait = await options.rateLimit.waitMs(destination.id, destination.rateLimitPerSecond);
    if (wait > 0) {
      // Over the destination's rate: back to pending, the attempt not counted.
      await messages.updateMany({
        where: { id: message.id, lockedUntil: message.lease },
        data: {
          status: "pending",
          lockedUntil: null,
          nextAttemptAt: new Date(now().getTime() + wait),
          attempts: { decrement: 1 },
        },
      });
      return null;
    }
    const headers: Record<string, string> = {
      ...signedHeaders(secretsOf(destination), message.id, Math.floor(now().getTime() / 1000), message.payload),
      "user-agent": "KlinkConsole-Forwarder/1",
    };
    if (destination.headerName && destination.headerValueCiphertext) {
      headers[destination.headerName] = decryptSecret(destination.headerValueCiphertext);
    }
    const at = now();
    const result = await guardedPost({
      url: destination.url,
      headers,
      body: message.payload,
      timeoutMs: destination.timeoutMs,
      policy: options.policy(),
    });
    return record(message, at, result);
  }

  async function record(message: Claimed, at: Date, result: PostResult): Promise<DispatchOutcome> {
    const { destination } = message;
    const status = result.kind === "answered" ? result.status : null;
    const ok = status !== null && status >= 200 && status < 300;
    const error = result.kind === "failed" ? result.error : ok ? null : `The receiver answered ${status}.`;
    await options.db.forwardAttempt.create({
      data: {
        messageId: message.id,
        at,
        status,
        latencyMs: result.latencyMs,
        error,
        response: result.kind === "answered" ? result.bodyStart : null,
      },
    });
    const finished = now();
    const mine = { id: message.id, lockedUntil: message.lease };
    let outcome: DispatchOutcome["result"];
    if (ok) {
      outcome = "delivered";
      await messages.updateMany({
        where: mine,
        data: { status: "delivered", deliveredAt: finished, lockedUntil: null, lastStatus: status, lastError: null },
      });
      if (destination.failingSince) {
        await options.db.forwardDestination.updateMany({
          where: { id: destination.id, failingSince: { not: null } },
          data: { failingSince: null },
        });
      }
    } else if (status === 410) {
      outcome = "failed";
      await messages.updateMany({
        where: mine,
        data: { status: "failed", lockedUntil: null, lastStatus: status, lastError: "The receiver answered 410 Gone." },
      });
      await disable(destination.id, `The receiver answered 410 Gone at ${finished.toISOString()}.`, finished);
    } else {
      const retryAfter =
        status === 429 || status === 503
          ? retryAfterMs(result.kind === "answered" ? result.retryAfter : null, finished)
          : null;
      const delay = message.attempts >= MAX_ATTEMPTS ? null : (retryAfter ?? delayAfter(message.attempts));
      outcome = delay === null ? "failed" : "retry";
      await messages.updateMany({
        where: mine,
        data:
          delay === null
            ? { status: "failed", lockedUntil: null, lastStatus: status, lastError: error }
            : {
                status: "pending",
                lockedUntil: null,
                lastStatus: status,
                lastError: error,
                nextAttemptAt: new Date(finished.getTime() + delay),
              },
      });
      await noteFailure(destination, finished);
    }
    return {
      destinationId: destination.id,
      messageId: message.id,
      result: outcome,
      status,
      latencyMs: result.latencyMs,
      endToEndMs: ok ? finished.getTime() - message.receivedAt.getTime() : null,
    };
  }

  async function noteFailure(destination: Destination, at: Date): Promise<void> {
    await options.db.forwardDestination.updateMany({
      where: { id: destination.id, failingSince: null },
      data: { failingSince: at },
    });
    const current = await options.db.forwardDestination.findUnique({
      where: { id: destination.id },
      select: { failingSince: true, enabled: true },
    });
    if (!current?.enabled || !current.failingSince) return;
    if (at.getTime() - current.failingSince.getTime() < options.disableAfterMs()) return;
    await disable(
      destination.id,
      `Every attempt has failed since ${current.failingSince.toISOString()} (FORWARD_DISABLE_AFTER_MS).`,
      at,
    );
  }

  async function disable(id: string, reason: string, at: Date): Promise<void> {
    const { count } = await options.db.forwardDestination.updateMany({
      where: { id, enabled: true },
      data: { enabled: false, disabledReason: reason, disabledAt: at },
    });
    if (count) logger.warn({ destinationId: id, reason }, "forwarding destination disabled");
  }

  async function sendAll(batch: Claimed[]): Promise<number> {
    let next = 0;
    let made = 0;
    const worker = async () => {
      while (next < batch.length) {
        const message = batch[next++];
        try {
          const outcome = await send(message);
          if (outcome) {
            made++;
            options.onOutcome?.(outcome);
          }
        } catch (error) {
          // The message keeps its lease; once that runs out it is claimed again.
          logger.error({ err: error, messageId: message.id }, "forwarding could not record an attempt");
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    return made;
  }

  async function sweepOnce(): Promise<number> {
    let made = 0;
    for (;;) {
      const candidates = await messages.findMany({
        where: due(now()),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: { ...MESSAGE_FIELDS, destination: { select: DESTINATION_FIELDS } },
      });
      if (candidates.length === 0) return made;
      const claimed: Claimed[] = [];
      for (const candidate of candidates) {
        const lease = await claim(candidate.id, due(now()));
        if (lease) claimed.push({ ...candidate, attempts: candidate.attempts + 1, lease });
      }
      if (claimed.length === 0) return made;
      made += await sendAll(claimed);
    }
  }

  function drain(): Promise<number> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    draining = (async () => {
      let total = 0;
      try {
        do {
          drainAgain = false;
          total += await sweepOnce();
        } while (drainAgain);
      } catch (error) {
        logger.error({ err: error }, "forwarding sweep failed");
      } finally {
        draining = null;
      }
      return total;
    })();
    return draining;
  }

  async function sendNow(messageId: string): Promise<DispatchOutcome | null> {
    const row = await messages.findUnique({
      where: { id: messageId },
      select: { ...MESSAGE_FIELDS, destination: { select: DESTINATION_FIELDS } },
    });
    if (!row) return null;
    const at = now();
    const lease = await claim(messageId, { OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] });
    if (!lease) return null;
    const outcome = await send({ ...row, attempts: row.attempts + 1, lease });
    if (outcome) options.onOutcome?.(outcome);
    return outcome;
  }

  return { drain, sendNow };
}
