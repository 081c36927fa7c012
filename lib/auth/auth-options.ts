import "server-only";
// next-auth 4 configuration: email + password (provider id "credentials", so scripts can use the
// standard CSRF + POST /api/auth/callback/credentials flow) and, when OIDC_* is set, one generic
// OIDC provider (id "oidc"). Sessions are JWTs in an httpOnly cookie; the user's status and role
// are read from the database on every request, never trusted from the token.
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env, type Env } from "../env";
import { logger } from "../log/logger";
import { activeUser } from "./current-user";
import { clientIp, userAgent } from "../http/client-ip";
import { oidcSignIn, type OidcClaims } from "./oidc-sign-in";
import { passwordSignIn } from "./password-sign-in";
import type { RequestInfo } from "../audit/request-audit";
import { usesSecureCookies } from "./session-token";

export const OIDC_PROVIDER_ID = "oidc";
// A staff console: a working day, not next-auth's default of 30 days.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function oidcConfigured(config: Env = env()): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

function oidcProvider(config: Env): OAuthConfig<OidcClaims> {
  const issuer = config.OIDC_ISSUER!.replace(/\/+$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    // next-auth 4 reads the claims from the ID token only, so the IdP must put email there.
    idToken: true,
    checks: ["pkce", "state"],
    profile: (claims) => ({
      id: String(claims.sub),
      email: typeof claims.email === "string" ? claims.email : null,
      name: typeof claims.name === "string" ? claims.name : null,
    }),
  };
}

/** Options for one request to /api/auth/* (the request's address goes into the audit log). */
export function authOptions(info: RequestInfo): AuthOptions {
  const config = env();
  // next-auth reads its own base URL from process.env; in demo/dev lib/env.ts supplies a default.
  process.env.NEXTAUTH_URL ??= config.NEXTAUTH_URL;
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: usesSecureCookies(config.NEXTAUTH_URL),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) =>
          passwordSignIn(credentials ?? {}, {
            ...info,
            ip: clientIp(req.headers ?? {}) ?? info.ip,
            userAgent: userAgent(req.headers ?? {}) ?? info.userAgent,
          }),
      }),
      ...(oidcConfigured(config) ? [oidcProvider(config)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        // The console user replaces the IdP subject, so the session (token.sub) names our user.
        // A refusal throws a login error code, which next-auth passes on to /login?error=.
        if (account?.provider === OIDC_PROVIDER_ID) user.id = await oidcSignIn((profile ?? {}) as OidcClaims, info);
        return true;
      },
      async session({ session, token }) {
        const user = typeof token.sub === "string" ? await activeUser(token.sub) : null;
        return {
          ...session,
          user: user ? { id: user.userId, email: user.email, name: user.name, role: user.role } : undefined,
        };
      },
    },
    // next-auth's own logger would print provider responses; keep only the error code.
    logger: {
      error: (code, metadata) =>
        logger.warn({ code, err: metadata instanceof Error ? metadata : undefined }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
}
