import "server-only";
// Who is asking, and may they: authentication (session cookie or personal API key) with the
// user's current role, the same-origin check on cookie-authenticated writes, the role check and
// the refusal of API keys where only a person may act; every refusal after authentication is
// audited. Shared by both front doors: the route wrapper (route.ts) and the console server's own
// K-LINK proxy reads (proxy-front-door.ts).
import { createAudit, requestInfoOf, type RequestLike } from "../audit/request-audit";
import { MUTATING_METHODS, isSameOrigin } from "../auth/same-origin";
import { env } from "../env";
import { ApiError, unauthorized } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { roleDenied } from "../identity/assert-role";
import { roleAtLeast, type Role } from "../identity/roles";
import { sessionRequired, type SessionOnlyOperation } from "../identity/session-only";
import { authenticateRequest } from "./authenticate-request";

export type AuthorizeOptions = { access: Role; sessionOnly?: SessionOnlyOperation };

export async function authorize(
  req: RequestLike,
  { access: minimum, sessionOnly }: AuthorizeOptions,
  requestId: string,
): Promise<Actor> {
  const authentication = await authenticateRequest(req);
  if (!authentication) throw unauthorized();
  const { actor, via } = authentication;
  const deny = async (reason: string, error: ApiError): Promise<never> => {
    await createAudit(
      actor,
      requestInfoOf(req, requestId),
    )({
      action: "auth.access_denied",
      outcome: "denied",
      status: 403,
      details: { reason, required: minimum, ...(sessionOnly ? { operation: sessionOnly } : {}) },
    });
    throw error;
  };
  if (via === "session" && MUTATING_METHODS.has(req.method) && !isSameOrigin(req, env().NEXTAUTH_URL)) {
    await deny("cross_origin", new ApiError("cross_origin", "This request did not come from the console's own pages."));
  }
  if (!roleAtLeast(actor.role, minimum)) await deny("role", roleDenied(minimum, actor.role));
  if (sessionOnly && via !== "session") await deny("session_required", sessionRequired(sessionOnly));
  return actor;
}
