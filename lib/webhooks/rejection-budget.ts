import "server-only";
// How many rejected webhook deliveries (unknown connection, failed verification, too large) one
// source address may cost. Accepted deliveries never count: K-LINK's own traffic is never
// limited. Per address and minute (lib/resilience/rate-limiter.ts, shared across instances with
// Redis): the first few rejections are stored as usual, so a misconfigured sender is visible in
// the delivery history; beyond them they are only counted (metric), not stored; beyond the limit
// the answer is 429 with Retry-After.
import { metrics } from "../metrics/registry";
import { rateLimiter } from "../resilience/rate-limiter";

export type RejectionAdmission = "store" | "count" | { retryAfterSeconds: number };

export type RejectionBudget = { admit(sourceIp: string | null): Promise<RejectionAdmission> };

export type RejectionBudgetLimits = {
  /** Rejections per address and minute that are stored. */
  storedPerMinute: number;
  /** Rejections per address and minute answered at all; beyond, 429. */
  perMinute: number;
};

export function addressRejectionBudget(limits: RejectionBudgetLimits): RejectionBudget {
  const limiter = rateLimiter({ name: "webhook_rejection_address", points: limits.perMinute, durationSeconds: 60 });
  return {
    async admit(sourceIp) {
      const decision = await limiter.consume(sourceIp ?? "unknown");
      if (!decision.allowed) return { retryAfterSeconds: decision.retryAfterSeconds };
      if (decision.consumed <= limits.storedPerMinute) return "store";
      metrics().rateLimited.inc({ limiter: "webhook_rejection_unstored" });
      return "count";
    },
  };
}
