// What a console session token carries besides next-auth's own claims: the user (as `sub`), the
// user's session version when the session began (lib/auth/current-user.ts sessionUser) and the
// time of the sign-in, which re-issuing the token keeps: the absolute lifetime counts from it.
// Safe to import anywhere (the tests encode session cookies with it).
export type SessionClaims = { userId: string; sessionVersion: number; signedInAt: number };

/** The claims of a session that begins now (signedInAt in seconds since the epoch). */
export function newSessionClaims(userId: string, sessionVersion: number, now = Date.now()) {
  return { sub: userId, sessionVersion, signedInAt: Math.floor(now / 1000) };
}

/** The claims of a decoded token; null for a token without them (made before sessions could end). */
export function sessionClaimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  const { sub, sessionVersion, signedInAt } = token ?? {};
  if (typeof sub !== "string" || !Number.isInteger(sessionVersion) || !Number.isInteger(signedInAt)) return null;
  return { userId: sub, sessionVersion: sessionVersion as number, signedInAt: signedInAt as number };
}
