import "server-only";
// Each destination's rate limit (messages per second) on the console's shared rate limiter
// (lib/resilience/rate-limiter.ts): in Redis when REDIS_URL is set, so the limit holds across
// every instance, in this process's memory otherwise. One limiter per distinct rate.
import { rateLimiter, type RateLimiter } from "../resilience/rate-limiter";

export type DestinationRateLimit = {
  /** 0 when a message may go now; otherwise how long (ms) to wait. */
  waitMs(destinationId: string, perSecond: number): Promise<number>;
};

export function createDestinationRateLimit(): DestinationRateLimit {
  const limiters = new Map<number, RateLimiter>();
  return {
    async waitMs(destinationId, perSecond) {
      let limiter = limiters.get(perSecond);
      if (!limiter) {
        limiter = rateLimiter({ name: `forward_${perSecond}`, points: perSecond, durationSeconds: 1 });
        limiters.set(perSecond, limiter);
      }
      const decision = await limiter.consume(destinationId);
      return decision.allowed ? 0 : Math.max(decision.retryAfterSeconds, 1) * 1000;
    },
  };
}
