import "server-only";
// What every console page starts with: the signed-in actor (at least `minRole`; signed out →
// /login, lower role → /403), the connection chosen in the header's switcher, and the request's
// id (set by proxy.ts, also on the response) for the page's log lines and error messages. Memoised per request with React's cache(), so the
// layout and the page share one lookup.
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "../identity/actor";
import { requirePageActor } from "./page-guard";
import { roleAtLeast, type Role } from "../identity/roles";
import { incomingRequestId } from "../log/incoming-request-id";
import { ACTIVE_CONNECTION_COOKIE, activeConnection, type ActiveConnection } from "../connections/active-connection";

export type ConsolePage = {
  actor: Actor;
  connection: ActiveConnection;
  /** The id of the connection reads go through; undefined when none is configured. */
  connectionId: string | undefined;
  requestId: string;
  can: { write: boolean; admin: boolean };
};

const loadConsolePage = cache(async (): Promise<ConsolePage> => {
  const actor = await requirePageActor("viewer");
  const connection = await activeConnection(actor, (await cookies()).get(ACTIVE_CONNECTION_COOKIE)?.value);
  return {
    actor,
    connection,
    connectionId: connection.active?.id,
    requestId: await incomingRequestId(),
    can: { write: roleAtLeast(actor.role, "agent"), admin: roleAtLeast(actor.role, "admin") },
  };
});

export async function consolePage(minRole: Role = "viewer"): Promise<ConsolePage> {
  const page = await loadConsolePage();
  // The role is checked again here, whatever the memoised lookup was made for.
  if (!roleAtLeast(page.actor.role, minRole)) await requirePageActor(minRole);
  return page;
}
