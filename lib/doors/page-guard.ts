import "server-only";
// The guard of pages and server actions (route handlers use lib/doors/route.ts). Both read the
// session cookie and the user's current status and role from the database.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { unauthorized } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { PATH_HEADER, safeCallbackPath } from "../auth/callback-url";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast, type Role } from "../identity/roles";
import { sessionOfCookies } from "../auth/session-token";
import { uriComponent } from "../http/uri-component";

/** The signed-in, active user of this request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await sessionOfCookies(await cookies());
  return session && session !== "ended" ? { type: "user", ...session.user } : null;
}

/**
 * For server components: the signed-in actor with at least `minRole`. Signed out → redirect to
 * /login?callbackUrl=<this page>; a lower role → the 403 page.
 */
export async function requirePageActor(minRole: Role = "viewer"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const path = safeCallbackPath((await headers()).get(PATH_HEADER));
    redirect(`/login?callbackUrl=${uriComponent(path)}`);
  }
  if (!roleAtLeast(actor.role, minRole)) redirect("/403");
  return actor;
}

/**
 * For server actions: the signed-in actor with at least `minRole`, else an ApiError (401/403)
 * whose message can be shown to the user. Next.js itself refuses server actions whose Origin
 * is not the console's host.
 */
export async function requireActionActor(minRole: Role = "viewer"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthorized("Your session has ended. Sign in again.");
  assertRole(actor, minRole);
  return actor;
}
