import "server-only";
// Reads the next-auth session (a JWT, encrypted with NEXTAUTH_SECRET) from the session cookie,
// and whether it still counts (lib/auth/current-user.ts sessionUser).
// Only the cookie counts: next-auth's getToken would also take a JWT from an Authorization
// header, which here is reserved for personal API keys.
import { getToken } from "next-auth/jwt";
import { env } from "../env";
import { sessionUser, type ActiveUser } from "./current-user";
import { sessionClaimsOf, type SessionClaims } from "./session-claims";

type CookieSource = Record<string, string> | { getAll(): { name: string; value: string }[] };

/** next-auth's cookie names carry the __Secure- prefix (and the Secure flag) on https. */
export function usesSecureCookies(publicUrl = env().NEXTAUTH_URL): boolean {
  return publicUrl.startsWith("https://");
}

export function sessionCookieName(publicUrl = env().NEXTAUTH_URL): string {
  return `${usesSecureCookies(publicUrl) ? "__Secure-" : ""}next-auth.session-token`;
}

export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** The claims of the session cookie: null without one, or when it is not a valid, unexpired token of this console. */
export async function sessionCookieClaims(cookies: CookieSource): Promise<SessionClaims | null> {
  const config = env();
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: config.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(config.NEXTAUTH_URL),
    cookieName: sessionCookieName(config.NEXTAUTH_URL),
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined } as unknown as Console,
  });
  return sessionClaimsOf(token);
}

/**
 * The signed-in user of these cookies: null without a session cookie (or with one that is not a
 * valid token of this console), "ended" when its session no longer counts (see sessionUser).
 */
export async function sessionOfCookies(cookies: CookieSource): Promise<{ user: ActiveUser } | "ended" | null> {
  const claims = await sessionCookieClaims(cookies);
  if (!claims) return null;
  const user = await sessionUser(claims);
  return user ? { user } : "ended";
}
