import "server-only";
// Email + password sign-in (next-auth's credentials provider calls this). Throttled per account
// and per address; every outcome is audited, never with the password.
import { db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { forgetCachedUser } from "./current-user";
import { LOGIN_ERROR, throttledError } from "./login-errors";
import { clearLoginFailures, lockedForSeconds, recordLoginFailure, throttleKey } from "./login-throttle";
import { PASSWORD_MAX_LENGTH, verifyPassword } from "./passwords";
import type { RequestInfo } from "../audit/request-audit";

export type SignedInUser = { id: string; email: string; name: string };

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
  const lockedFor = await lockedForSeconds(ipKey ? [accountKey, ipKey] : [accountKey]);
  if (lockedFor > 0) {
    await audit("failure", { email }, { reason: "throttled", retryAfterSeconds: lockedFor });
    throw new Error(throttledError(lockedFor));
  }

  const user = await db().user.findUnique({ where: { email } });
  if (!(await verifyPassword(user?.passwordHash, password))) {
    const lock = Math.max(
      await recordLoginFailure("account", accountKey),
      ipKey ? await recordLoginFailure("ip", ipKey) : 0,
    );
    await audit(
      "failure",
      { id: user?.id, email },
      { reason: user ? (user.passwordHash ? "wrong_password" : "no_password") : "unknown_user" },
    );
    throw new Error(lock > 0 ? throttledError(lock) : LOGIN_ERROR.badCredentials);
  }
  if (user!.status !== "active") {
    await audit("failure", { id: user!.id, email, role: user!.role }, { reason: "disabled" });
    throw new Error(LOGIN_ERROR.disabled);
  }
  await clearLoginFailures(accountKey);
  await db().user.update({ where: { id: user!.id }, data: { lastLoginAt: new Date() } });
  forgetCachedUser(user!.id);
  await audit("success", { id: user!.id, email, role: user!.role }, {});
  return { id: user!.id, email: user!.email, name: user!.name };
}
