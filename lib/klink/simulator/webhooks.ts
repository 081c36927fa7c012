// Signed webhook deliveries, as K-LINK sends them (webhooks.md §2, §5, shared/klink-api/README.md §13): a POST with
// body {event, timestamp, data} and `x-signature` = lowercase hex HMAC-SHA256(secret, raw body).
// Deliveries leave after the API answer, one target at a time in order; a failed attempt (network
// error, 408, 429, 5xx) is retried twice with a short back-off — K-LINK's own retry policy is
// not documented. Every attempt is recorded.
import { createHmac, randomUUID } from "node:crypto";
import { webhookTimestamp } from "../webhook-payloads";

export type WebhookTarget = { id: string; url: string; secret: string; fromStart: boolean };

export type DeliveryAttempt = {
  attempt: number;
  status: number | null;
  error?: string;
  at: string;
  durationMs: number;
};

export type Delivery = {
  id: string;
  targetId: string;
  url: string;
  event: string;
  timestamp: string;
  body: string;
  state: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
};

const RETRY_DELAYS_MS = [200, 1000];
const ATTEMPT_TIMEOUT_MS = 5000;
const LOG_LIMIT = 2000;

export function signWebhookBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

const retryable = (status: number | null) => status === null || status === 408 || status === 429 || status >= 500;

export class WebhookDispatcher {
  private targets: WebhookTarget[] = [];
  private log: Delivery[] = [];
  private queues = new Map<string, Promise<void>>();
  /** Wakes the back-off sleeps, so stop() never waits for a retry. */
  private sleepers = new Set<() => void>();
  private inflight = new AbortController();
  private stopped = false;

  constructor(initial: { url: string; secret: string }[] = []) {
    for (const t of initial) this.addTarget(t.url, t.secret, true);
  }

  addTarget(url: string, secret: string, fromStart = false): WebhookTarget {
    const target = { id: randomUUID(), url, secret, fromStart };
    this.targets.push(target);
    return target;
  }

  listTargets(): Omit<WebhookTarget, "secret">[] {
    return this.targets.map((t) => ({ id: t.id, url: t.url, fromStart: t.fromStart }));
  }

  /** Drops the targets registered at run time; those given at start stay. */
  removeRuntimeTargets(): void {
    this.targets = this.targets.filter((t) => t.fromStart);
  }

  emit(event: string, data: unknown): Delivery[] {
    if (this.stopped) return [];
    const timestamp = webhookTimestamp();
    // Serialised once: the signature covers exactly these bytes.
    const body = JSON.stringify({ event, timestamp, data });
    return this.targets.map((target) => {
      const delivery: Delivery = {
        id: randomUUID(),
        targetId: target.id,
        url: target.url,
        event,
        timestamp,
        body,
        state: "pending",
        attempts: [],
      };
      this.log.push(delivery);
      if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
      const previous = this.queues.get(target.id) ?? Promise.resolve();
      const next = previous.then(() => this.deliver(target, delivery));
      this.queues.set(target.id, next);
      return delivery;
    });
  }

  deliveries(): Delivery[] {
    return [...this.log];
  }

  clearDeliveries(): void {
    this.log = [];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.sleepers]) wake();
    this.inflight.abort();
    await Promise.allSettled([...this.queues.values()]);
  }

  private async deliver(target: WebhookTarget, delivery: Delivery): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      const started = performance.now();
      let status: number | null = null;
      let error: string | undefined;
      try {
        const res = await fetch(target.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-signature": signWebhookBody(target.secret, delivery.body),
            "user-agent": "klink-simulator",
          },
          body: delivery.body,
          signal: AbortSignal.any([this.inflight.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch (e) {
        error = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      }
      delivery.attempts.push({
        attempt,
        status,
        ...(error ? { error } : {}),
        at: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
      });
      if (status !== null && status >= 200 && status < 300) {
        delivery.state = "delivered";
        return;
      }
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (delay === undefined || !retryable(status) || this.stopped) {
        delivery.state = "failed";
        return;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, delay);
        this.sleepers.add(wake);
      });
    }
    delivery.state = "failed";
  }
}
