// What a personal API key may never do, whatever its owner's role: whatever would let a leaked key
// outlive its revocation (a new user, a password it knows, a raised role, a new key) or move the
// console's K-LINK traffic and secrets (a connection's token, webhook secrets, address). These need
// a person signed in. The one list: route handlers name their operation (RouteOptions.sessionOnly,
// lib/doors/route.ts) and the data layer checks again (assertSession). Safe to import anywhere.
import { ApiError } from "../errors/api-error";
import type { Actor } from "./actor";

export const SESSION_ONLY = {
  "api_keys.create": "create API keys",
  "users.create": "create users",
  "users.update": "change users (name, role, status or password)",
  "users.sign_out_everywhere": "end users' sessions",
  "connections.create": "add K-LINK connections",
  "connections.update": "change K-LINK connections (address, token or webhook secrets)",
  "connections.delete": "delete K-LINK connections",
  "destinations.manage": "add, change or delete forwarding destinations or rotate their signing secrets",
} as const;

export type SessionOnlyOperation = keyof typeof SESSION_ONLY;

export function sessionRequired(operation: SessionOnlyOperation): ApiError {
  return new ApiError(
    "session_required",
    `API keys cannot ${SESSION_ONLY[operation]}: sign in to the console to do this.`,
  );
}

export function assertSession(actor: Actor, operation: SessionOnlyOperation): void {
  if (actor.type !== "user") throw sessionRequired(operation);
}
