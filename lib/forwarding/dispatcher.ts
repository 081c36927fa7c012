import "server-only";
// Sends the outbox: claims due messages with a lease (lib/db/lease-claims.ts, as inbound webhook
// processing does: a batch at a time, in one statement), so any number of console instances share
// the work and a message is never in two instances' hands at once; a message whose instance died
// is claimed again when its lease runs out. Each attempt is recorded (attempt-records.ts: the
// outcomes that finish together are written in one transaction, so the cost per send stays small
// under load); its outcome decides what follows:
//   2xx          delivered.
//   410          the receiver is gone: the message fails and the destination is disabled.
//   anything else (no answer, timeout, refused by the SSRF guard, 3xx, 4xx, 5xx): retried on the
//                schedule of retry-schedule.ts, or after Retry-After (429, 503); failed after the
//                last attempt. A destination failing without a success for `disableAfterMs`
//                is disabled, with the reason shown to admins.
import type { Db } from "../db/client";
import { claimCandidates, claimableWhere, unleasedWhere } from "../db/lease-claims";
import type { DatabaseProvider } from "../db/provider";
import { decryptSecret } from "../crypto/secret-box";
import { guardedPost, type PostResult } from "../http/guarded-post";
import type { SsrfPolicy } from "../http/ssrf-guard";
import { logger } from "../log/logger";
import type { DestinationRateLimit } from "./destination-rate-limit";
import { MAX_ATTEMPTS, retryAfterMs, retryDelayMs } from "./retry-schedule";
import { signedHeaders } from "./signing";
import { writeAttemptRecords, type AttemptRecord } from "./attempt-records";

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
  provider: DatabaseProvider;
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
  /** Just before the destination was read with the message (see disableIfFailingTooLong). */
  readAt: Date;
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

  /** Claims those of `candidates` that `where` still matches, in one statement. */
  async function claim<T extends { id: string; attempts: number }>(
    candidates: T[],
    where: Record<string, unknown>,
  ): Promise<(T & { lease: Date })[]> {
    const lease = new Date(now().getTime() + leaseMs);
    return claimCandidates((args) => messages.updateManyAndReturn(args), candidates, where, lease);
  }

  // Group commit: a send's outcome joins the next write; while one write is under way the
  // outcomes finishing meanwhile gather for the one after it. One send alone is written at once;
  // many in flight share a transaction. A send's record() resolves once its outcome is committed.
  let unwritten: { record: AttemptRecord; written: () => void; failed: (error: unknown) => void }[] = [];
  let writing: Promise<void> | null = null;

  function write(record: AttemptRecord): Promise<void> {
    return new Promise<void>((written, failed) => {
      unwritten.push({ record, written, failed });
      if (!writing) writing = writeAll();
    });
  }

  async function writeAll(): Promise<void> {
    try {
      while (unwritten.length) {
        const group = unwritten;
        unwritten = [];
        try {
          await writeAttemptRecords(
            options.db,
            options.provider,
            group.map((g) => g.record),
          );
          group.forEach((g) => g.written());
        } catch (error) {
          group.forEach((g) => g.failed(error));
        }
      }
    } finally {
      writing = null;
    }
  }

  // Every send of a destination decrypts the same few ciphertexts (key derivation and AES-GCM,
  // a few per cent of the CPU of a busy dispatcher): each is decrypted once. A rotation makes a
  // new ciphertext, so nothing stale is used; the map only holds this instance's destinations.
  const decrypted = new Map<string, string>();
  function decrypt(ciphertext: string): string {
    let plaintext = decrypted.get(ciphertext);
    if (plaintext === undefined) {
      if (decrypted.size >= 1_000) decrypted.clear();
      plaintext = decryptSecret(ciphertext);
      decrypted.set(ciphertext, plaintext);
    }
    return plaintext;
  }

  function secretsOf(destination: Destination): string[] {
    const secrets = [decrypt(destination.secretCiphertext)];
    if (
      destination.previousSecretCiphertext &&
      destination.previousSecretExpiresAt &&
      destination.previousSecretExpiresAt > now()
    ) {
      secrets.push(decrypt(destination.previousSecretCiphertext));
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
      headers[destination.headerName] = decrypt(destination.headerValueCiphertext);
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
    const finished = now();
    let next: AttemptRecord["next"];
    if (ok) {
      next = { status: "delivered" };
    } else if (status === 410) {
      next = { status: "failed" };
    } else {
      const retryAfter =
        status === 429 || status === 503
          ? retryAfterMs(result.kind === "answered" ? result.retryAfter : null, finished)
          : null;
      const delay = message.attempts >= MAX_ATTEMPTS ? null : (retryAfter ?? delayAfter(message.attempts));
      next =
        delay === null
          ? { status: "failed" }
          : { status: "pending", nextAttemptAt: new Date(finished.getTime() + delay) };
    }
    await write({
      messageId: message.id,
      lease: message.lease,
      destinationId: destination.id,
      at,
      status,
      latencyMs: result.latencyMs,
      error: status === 410 ? "The receiver answered 410 Gone." : error,
      response: result.kind === "answered" ? result.bodyStart : null,
      finished,
      next,
    });
    if (status === 410) {
      await disable(destination.id, `The receiver answered 410 Gone at ${finished.toISOString()}.`, finished);
    } else if (!ok) {
      await disableIfFailingTooLong(destination, message.readAt, finished);
    }
    return {
      destinationId: destination.id,
      messageId: message.id,
      result: ok ? "delivered" : next.status === "failed" ? "failed" : "retry",
      status,
      latencyMs: result.latencyMs,
      endToEndMs: ok ? finished.getTime() - message.receivedAt.getTime() : null,
    };
  }

  /**
   * Disables a destination that has failed without a success for disableAfterMs. Its failing
   * spell began no earlier than what was read with the message (failingSince, or the moment of
   * the read when it was not failing then): a later success clears it and a later failure starts
   * a new spell. So while that bound is recent, nothing needs reading; the common case costs no
   * query.
   */
  async function disableIfFailingTooLong(destination: Destination, readAt: Date, at: Date): Promise<void> {
    const earliest = destination.failingSince ?? readAt;
    if (at.getTime() - earliest.getTime() < options.disableAfterMs()) return;
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
      const readAt = now();
      const candidates = await messages.findMany({
        where: due(readAt),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: { ...MESSAGE_FIELDS, destination: { select: DESTINATION_FIELDS } },
      });
      if (candidates.length === 0) return made;
      const claimed = (await claim(candidates, due(now()))).map((c) => ({ ...c, readAt }));
      // Another instance took this whole batch: what it left is for the next sweep.
      if (claimed.length === 0) return made;
      made += await sendAll(claimed);
      // A batch that was not full held everything due when it was read; messages queued since
      // asked for a drain of their own (drainAgain), so no second read is needed to find them.
      if (candidates.length < batchSize) return made;
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
    const readAt = now();
    const row = await messages.findUnique({
      where: { id: messageId },
      select: { ...MESSAGE_FIELDS, destination: { select: DESTINATION_FIELDS } },
    });
    if (!row) return null;
    const [claimed] = await claim([row], unleasedWhere(now()));
    if (!claimed) return null;
    const outcome = await send({ ...claimed, readAt });
    if (outcome) options.onOutcome?.(outcome);
    return outcome;
  }

  return { drain, sendNow };
}
