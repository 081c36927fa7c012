import "server-only";
// The K-LINK connection a console API request works with, chosen as the proxy chooses it:
// `?connection=<id>` when the caller names one, else the signed-in user's choice in the switcher,
// else the default connection.
import { activeConnection, activeConnectionCookie } from "../connections/active-connection";
import { ApiError } from "../errors/api-error";
import type { Actor } from "../identity/actor";

export async function requestConnectionId(req: Request, actor: Actor, named?: string): Promise<string> {
  const cookie = actor.type === "user" ? activeConnectionCookie(req.headers.get("cookie")) : undefined;
  const { choices, active } = await activeConnection(actor, named ?? cookie);
  if (named && !choices.some((c) => c.id === named))
    throw new ApiError("unknown_connection", "No K-LINK connection has this id.", {
      fields: { "query.connection": ["no connection has this id"] },
    });
  if (!active)
    throw new ApiError(
      "no_connection",
      "No K-LINK connection is configured yet. An admin can add one under Admin → Connections.",
    );
  return active.id;
}
