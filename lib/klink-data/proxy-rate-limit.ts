import "server-only";
// Requests per minute one actor may make through the K-LINK proxy, by role (PROXY_RATE_LIMITS),
// so no one caller can spend K-LINK's own rate limit for everyone. Counted per user: a user's
// sessions and API keys share one budget. Called by the proxy pipeline itself (proxyAnswer in proxy-pipeline.ts),
// whichever door a request came through. Over it: 429 rate_limited with Retry-After.
import { env } from "../env";
import { ApiError } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { rateLimiter, type RateLimiter } from "../resilience/rate-limiter";

// One limiter per limit, made when first needed rather than on every request (the counters live
// in the store either way).
const limiters = new Map<number, RateLimiter>();

function limiterOf(points: number): RateLimiter {
  let limiter = limiters.get(points);
  if (!limiter) limiters.set(points, (limiter = rateLimiter({ name: "proxy_actor", points, durationSeconds: 60 })));
  return limiter;
}

export async function assertProxyRateLimit(actor: Actor): Promise<void> {
  const limiter = limiterOf(env().PROXY_RATE_LIMITS[actor.role]);
  const decision = await limiter.consume(`user:${actor.userId}`);
  if (decision.allowed) return;
  throw new ApiError("rate_limited", "Too many K-LINK requests from this account; try again later.", {
    headers: { "retry-after": String(decision.retryAfterSeconds) },
  });
}
