import "server-only";
// The user behind a session or API key, read from the database so that a deactivation or a role
// change takes effect on that user's next request. A few seconds of cache spare the database on
// bursts; changes made by this process drop the entry at once (forgetCachedUser).
import { LRUCache } from "lru-cache";
import { db } from "../db/client";
import type { Actor } from "../identity/actor";
import { isRole } from "../identity/roles";
import { processGlobal } from "../process-global";

export const USER_CACHE_TTL_MS = 3_000;

type ActiveUser = Pick<Actor, "userId" | "email" | "name" | "role">;

// One per process: forgetCachedUser must reach every copy of this module Next.js loads.
const cache = processGlobal<LRUCache<string, { user: ActiveUser | null }>>("user-cache").init(
  () => new LRUCache({ max: 5_000, ttl: USER_CACHE_TTL_MS }),
);

/** The user if it exists and is active, else null. */
export async function activeUser(userId: string): Promise<ActiveUser | null> {
  const hit = cache.get(userId);
  if (hit) return hit.user;
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, status: true },
  });
  const user =
    row && row.status === "active" && isRole(row.role)
      ? { userId: row.id, email: row.email, name: row.name, role: row.role }
      : null;
  cache.set(userId, { user });
  return user;
}

export function forgetCachedUser(userId: string): void {
  cache.delete(userId);
}
