import "server-only";
// Each destination's rate limit (messages per second), per console instance, with
// rate-limiter-flexible. A thin wrapper until the shared factory lib/resilience/rate-limiter.ts
// lands on main.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type DestinationRateLimit = {
  /** 0 when a message may go now; otherwise how long (ms) to wait. */
  waitMs(destinationId: string, perSecond: number): Promise<number>;
};

export function createDestinationRateLimit(): DestinationRateLimit {
  const limiters = new Map<number, RateLimiterMemory>();
  return {
    async waitMs(destinationId, perSecond) {
      let limiter = limiters.get(perSecond);
      if (!limiter) {
        limiter = new RateLimiterMemory({ keyPrefix: `forward-${perSecond}`, points: perSecond, duration: 1 });
        limiters.set(perSecond, limiter);
      }
      try {
        await limiter.consume(destinationId);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
        throw refusal;
      }
    },
  };
}
