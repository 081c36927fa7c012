import "server-only";
// Who sent an API request: `Authorization: Bearer kc_...` (a personal API key) or the next-auth
// session cookie. Either way the user's current status and role come from the database.
import { unauthorized } from "../errors/api-error";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import type { Actor } from "../identity/actor";
import { parseCookieHeader, sessionOfCookies } from "../auth/session-token";

export const SESSION_ENDED =
  "Your session has ended (signed out everywhere, changed by an admin, deactivated or expired). Sign in again.";

export type Authentication = { actor: Actor; via: "session" | "api_key" };

/** The caller, or null when the request carries no credentials. Bad credentials throw a 401. Either
 * front door's request will do (a web Request, or Node's headers in a HeaderBag): only headers are read. */
export async function authenticateRequest(req: { headers: Pick<Headers, "get"> }): Promise<Authentication | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, credential] = authorization.trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !credential) {
      throw unauthorized("Send a personal API key as `Authorization: Bearer kc_...`.");
    }
    if (!credential.startsWith("kc_")) throw unauthorized("Personal API keys start with kc_.");
    return { actor: await authenticateApiKey(credential), via: "api_key" };
  }
  const session = await sessionOfCookies(parseCookieHeader(req.headers.get("cookie")));
  if (!session) return null;
  if (session === "ended") throw unauthorized(SESSION_ENDED);
  return { actor: { type: "user", ...session.user }, via: "session" };
}
