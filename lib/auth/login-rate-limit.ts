import "server-only";
// Password sign-in attempts per client address and minute (LOGIN_ATTEMPTS_PER_MINUTE), counted
// before the body is read or anything is looked up, in the shared rate-limit store (Redis when
// configured: one budget across instances). Over it: 429 with Retry-After, counted in
// klink_console_rate_limited_total{limiter="login_address"}, not audited. An unknown address is
// no one's and is not limited here (the per-account lock still holds), as in login-throttle.ts.
import { env } from "../env";
import { errorBody } from "../errors/error-body";
import { rateLimiter } from "../resilience/rate-limiter";
import { throttledError } from "./login-errors";

/** The 429 answer, or undefined when the attempt may go on. */
export async function loginRateLimitAnswer(ip: string | null, requestId: string): Promise<Response | undefined> {
  if (!ip) return undefined;
  const limiter = rateLimiter({ name: "login_address", points: env().LOGIN_ATTEMPTS_PER_MINUTE, durationSeconds: 60 });
  const decision = await limiter.consume(ip);
  if (decision.allowed) return undefined;
  const seconds = decision.retryAfterSeconds;
  // next-auth's client reads `url` for the error code: the login page then says "try again in N s".
  const url = new URL("/api/auth/error", env().NEXTAUTH_URL);
  url.searchParams.set("error", throttledError(seconds));
  return Response.json(
    {
      ...errorBody("rate_limited", "Too many sign-in attempts from this address; try again later.", requestId),
      url: url.toString(),
    },
    { status: 429, headers: { "retry-after": String(seconds), "cache-control": "no-store" } },
  );
}
