import "server-only";
// Email + password sign-in (next-auth's credentials provider calls this). Throttled per account
// and per address (login-throttle.ts); every checked attempt is audited, never with the password;
// throttled ones are counted, not audited one by one.
import { db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { forgetCachedUser } from "./current-user";
import { LOGIN_ERROR, throttledError } from "./login-errors";
import {
  THROTTLE_POLICY,
  clearLoginFailures,
  countLoginAttempt,
  forgiveLoginAttempt,
  lockAfterFailure,
  lockedForSeconds,
  throttleKey,
} from "./login-throttle";
import { oneAtATime, QueueFullError } from "./one-at-a-time";
import { metrics } from "../metrics/registry";
import { PASSWORD_MAX_LENGTH, verifyPassword } from "./passwords";
import type { RequestInfo } from "../audit/request-audit";

export type SignedInUser = { id: string; email: string; name: string };

/** Password checks of one account that may wait behind the running one (per process); more are throttled. */
const ACCOUNT_CHECKS_WAITING = 10;

/** Throws an Error whose message is a login error code (lib/auth/login-errors.ts). */
export async function passwordSignIn(
  credentials: { email?: unknown; password?: unknown },
  info: RequestInfo,
): Promise<SignedInUser> {
  const email = typeof credentials.email === "string" ? credentials.email.trim().toLowerCase() : "";
  const password = typeof credentials.password === "string" ? credentials.password : "";
  const audit = (
    outcome: "success" | "failure",
    actor: { id?: string; email: string; role?: string },
    details: object,
  ) =>
    recordAudit({
      action: outcome === "success" ? "auth.login" : "auth.login_failed",
      outcome,
      actor: { type: outcome === "success" ? "user" : "anonymous", ...actor },
      target: { type: "user", id: actor.id ?? null },
      details: { method: "credentials", ...details },
      method: info.method,
      path: info.path,
      ip: info.ip,
      userAgent: info.userAgent,
    });

  if (!email || !password || password.length > PASSWORD_MAX_LENGTH || email.length > 320) {
    await audit("failure", { email: email.slice(0, 320) }, { reason: "malformed" });
    throw new Error(LOGIN_ERROR.badCredentials);
  }
  const accountKey = throttleKey("account", email);
  // An unknown address (lib/http/client-ip.ts) is no one's: counting it would let one attacker
  // lock out everyone whose address is unknown. The account's own lock still holds.
  const ipKey = info.ip ? throttleKey("ip", info.ip) : null;
  // Counted before anything is verified: every parallel guess counts.
  const attempts = [
    await countLoginAttempt("account", accountKey),
    ...(ipKey ? [await countLoginAttempt("ip", ipKey)] : []),
  ];
  // A throttled attempt is counted (above, and in a metric), not audited one by one.
  const throttled = (seconds: number): never => {
    metrics().rateLimited.inc({ limiter: "login_throttled" });
    throw new Error(throttledError(seconds));
  };
  const lockedFor = Math.max(...attempts.map((a) => a.lockedForSeconds));
  if (lockedFor > 0) throttled(lockedFor);

  // One password check per account at a time in this process, a few more waiting: the argon2
  // work a flood of guesses for one account can cause is bounded, and each check sees the lock
  // the previous one set.
  const user = await oneAtATime(accountKey, ACCOUNT_CHECKS_WAITING, async () => {
    const stillLocked = await lockedForSeconds(attempts.map((a) => a.key));
    if (stillLocked > 0) throttled(stillLocked);
    const found = await db().user.findUnique({ where: { email } });
    if (!(await verifyPassword(found?.passwordHash, password))) {
      const lock = Math.max(...(await Promise.all(attempts.map((a) => lockAfterFailure(a)))));
      await audit(
        "failure",
        { id: found?.id, email },
        { reason: found ? (found.passwordHash ? "wrong_password" : "no_password") : "unknown_user" },
      );
      throw new Error(lock > 0 ? throttledError(lock) : LOGIN_ERROR.badCredentials);
    }
    return found!;
  }).catch((error: unknown) => {
    if (error instanceof QueueFullError) throttled(THROTTLE_POLICY.account.firstLockMs / 1000);
    throw error;
  });
  // The right password: the attempt was no failure.
  await clearLoginFailures(accountKey);
  if (ipKey) await forgiveLoginAttempt(ipKey);
  if (user.status !== "active") {
    await audit("failure", { id: user.id, email, role: user.role }, { reason: "disabled" });
    throw new Error(LOGIN_ERROR.disabled);
  }
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  forgetCachedUser(user.id);
  await audit("success", { id: user.id, email, role: user.role }, {});
  return { id: user.id, email: user.email, name: user.name };
}
