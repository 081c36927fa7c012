import "server-only";
// The user behind a session or API key, read from the database so that a deactivation or a role
// change takes effect on that user's next request. A few seconds of cache spare the database on
// bursts; changes made by this process drop the entry at once (forgetCachedUser), those made on
// another instance count there within USER_CACHE_TTL_MS.
import { LRUCache } from "lru-cache";
import { db } from "../db/client";
import { env } from "../env";
import type { Actor } from "../identity/actor";
import { isRole } from "../identity/roles";
import { processGlobal } from "../process-global";
import type { SessionClaims } from "./session-claims";

export const USER_CACHE_TTL_MS = 3_000;

export type ActiveUser = Pick<Actor, "userId" | "email" | "name" | "role">;
type StoredUser = { user: ActiveUser | null; sessionVersion: number };

// One per process: forgetCachedUser must reach every copy of this module Next.js loads.
const cache = processGlobal<LRUCache<string, StoredUser>>("user-cache").init(
  () => new LRUCache({ max: 5_000, ttl: USER_CACHE_TTL_MS }),
);

async function storedUser(userId: string, { fresh = false } = {}): Promise<StoredUser> {
  const hit = fresh ? undefined : cache.get(userId);
  if (hit) return hit;
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
  const stored = {
    user:
      row && row.status === "active" && isRole(row.role)
        ? { userId: row.id, email: row.email, name: row.name, role: row.role }
        : null,
    sessionVersion: row?.sessionVersion ?? 0,
  };
  cache.set(userId, stored);
  return stored;
}

/** The user if it exists and is active, else null. */
export async function activeUser(userId: string): Promise<ActiveUser | null> {
  return (await storedUser(userId)).user;
}

/**
 * The user a session token names, or null when that session has ended: the user is gone or
 * deactivated, the user's sessions were ended after this one began (a password, role or status
 * change, "sign out everywhere"), or SESSION_LIFETIME_SECONDS have passed since the sign-in,
 * however often next-auth re-issued the token since.
 */
export async function sessionUser(claims: SessionClaims, now = Date.now()): Promise<ActiveUser | null> {
  if ((claims.signedInAt + env().SESSION_LIFETIME_SECONDS) * 1000 <= now) return null;
  let stored = await storedUser(claims.userId);
  // A token newer than the cached row: this instance has not seen the change yet; ask again.
  if (claims.sessionVersion > stored.sessionVersion) stored = await storedUser(claims.userId, { fresh: true });
  return claims.sessionVersion === stored.sessionVersion ? stored.user : null;
}

/** The session version a new sign-in of this active user carries; null when it may not sign in. */
export async function sessionVersionForSignIn(userId: string): Promise<number | null> {
  const stored = await storedUser(userId, { fresh: true });
  return stored.user ? stored.sessionVersion : null;
}

export function forgetCachedUser(userId: string): void {
  cache.delete(userId);
}
