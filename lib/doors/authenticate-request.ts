import "server-only";
// Who sent an API request: `Authorization: Bearer kc_...` (a personal API key) or the next-auth
// session cookie. Either way the user's current status and role come from the database.
import { unauthorized } from "../errors/api-error";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import type { Actor } from "../identity/actor";
import { activeUser } from "../auth/current-user";
import { parseCookieHeader, sessionUserId } from "../auth/session-token";

export type Authentication = { actor: Actor; via: "session" | "api_key" };

/** The caller, or null when the request carries no credentials. Bad credentials throw a 401. */
export async function authenticateRequest(req: Request): Promise<Authentication | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, credential] = authorization.trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !credential) {
      throw unauthorized("Send a personal API key as `Authorization: Bearer kc_...`.");
    }
    if (!credential.startsWith("kc_")) throw unauthorized("Personal API keys start with kc_.");
    return { actor: await authenticateApiKey(credential), via: "api_key" };
  }
  const userId = await sessionUserId(parseCookieHeader(req.headers.get("cookie")));
  if (!userId) return null;
  const user = await activeUser(userId);
  if (!user) throw unauthorized("Your account is deactivated or no longer exists.");
  return { actor: { type: "user", ...user }, via: "session" };
}
