import "server-only";
// The connection the signed-in user works with: chosen with the switcher in the console's header
// and kept in a cookie, so pages, their client islands and the proxy (for cookie-authenticated
// calls) all use the same one. A cookie naming a connection that no longer exists is ignored:
// the default is used instead.
import type { Actor } from "../identity/actor";
import { listConnectionChoices, type ConnectionChoice } from "./list-connection-choices";

export const ACTIVE_CONNECTION_COOKIE = "klink_connection";

export type ActiveConnection = { choices: ConnectionChoice[]; active: ConnectionChoice | null };

export async function activeConnection(actor: Actor, cookieValue: string | undefined): Promise<ActiveConnection> {
  const choices = await listConnectionChoices(actor);
  const active = choices.find((c) => c.id === cookieValue) ?? choices.find((c) => c.isDefault) ?? choices[0] ?? null;
  return { choices, active };
}

/** The cookie's value from a raw Cookie header (route handlers). */
export function activeConnectionCookie(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== ACTIVE_CONNECTION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("=")) || undefined;
    } catch {
      // A malformed escape names no connection: the default one is used.
      return undefined;
    }
  }
  return undefined;
}
