import "server-only";
// Single sign-on: maps an OIDC identity to a console user. A known identity signs in as its
// user; otherwise the IdP-verified e-mail address is matched to an existing user (and the
// identity linked), or a new user is created with OIDC_DEFAULT_ROLE when OIDC_NEW_USERS=create.
// Deactivated users are refused either way.
import { db } from "../db/client";
import { env } from "../env";
import { recordAudit } from "../audit/record-audit";
import { LOGIN_ERROR } from "./login-errors";
import type { RequestInfo } from "../audit/request-audit";

export type OidcClaims = { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown };

export function oidcProviderKey(issuer: string): string {
  return `oidc:${issuer.replace(/\/+$/, "")}`;
}

/** The console user id for these claims; throws an Error whose message is a login error code. */
export async function oidcSignIn(claims: OidcClaims, info: RequestInfo): Promise<string> {
  const config = env();
  const provider = oidcProviderKey(config.OIDC_ISSUER ?? "");
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  const audit = (outcome: "success" | "failure", user: { id: string; role: string } | null, details: object) =>
    recordAudit({
      action: outcome === "success" ? "auth.login" : "auth.login_failed",
      outcome,
      actor: { type: outcome === "success" ? "user" : "anonymous", id: user?.id, email, role: user?.role },
      target: { type: "user", id: user?.id ?? null },
      details: { method: "oidc", subject, ...details },
      method: info.method,
      path: info.path,
      ip: info.ip,
      userAgent: info.userAgent,
    });
  const refuse = async (
    code: string,
    reason: string,
    user: { id: string; role: string } | null = null,
  ): Promise<never> => {
    await audit("failure", user, { reason });
    throw new Error(code);
  };

  if (!subject) return refuse("OAuthCallback", "no_subject");
  const identity = await db().userIdentity.findUnique({
    where: { provider_subject: { provider, subject } },
    include: { user: true },
  });
  let user = identity?.user ?? null;
  let created = false;
  if (!user) {
    if (!email || !verified) return refuse(LOGIN_ERROR.oidcEmailNotVerified, "email_not_verified");
    user = await db().user.findUnique({ where: { email } });
    if (!user) {
      if (config.OIDC_NEW_USERS !== "create") return refuse(LOGIN_ERROR.oidcUnknownUser, "unknown_user");
      user = await db().user.create({ data: { email, name, role: config.OIDC_DEFAULT_ROLE, status: "active" } });
      created = true;
      await recordAudit({
        action: "user.create",
        outcome: "success",
        actor: { type: "system" },
        target: { type: "user", id: user.id },
        after: { email, name, role: user.role, status: user.status, source: "oidc" },
        ip: info.ip,
        userAgent: info.userAgent,
      });
    }
    if (user.status === "active") await db().userIdentity.create({ data: { userId: user.id, provider, subject } });
  }
  if (user.status !== "active") return refuse(LOGIN_ERROR.disabled, "disabled", user);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit("success", user, { created, linked: !identity });
  return user.id;
}
