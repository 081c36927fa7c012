import "server-only";
// Reads the next-auth session (a JWT, encrypted with NEXTAUTH_SECRET) from the session cookie.
// Only the cookie counts: next-auth's getToken would also take a JWT from an Authorization
// header, which here is reserved for personal API keys.
import { getToken } from "next-auth/jwt";
import { env } from "../env";

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

/** The user id of a valid, unexpired session, or null. */
export async function sessionUserId(cookies: CookieSource): Promise<string | null> {
  const config = env();
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: config.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(config.NEXTAUTH_URL),
    cookieName: sessionCookieName(config.NEXTAUTH_URL),
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined } as unknown as Console,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}
