"use server";
// The header's connection switcher: remembers the chosen connection in a cookie. Only an id the
// signed-in user can see is accepted.
import { cookies } from "next/headers";
import { ACTIVE_CONNECTION_COOKIE } from "@/lib/connections/active-connection";
import { listConnectionChoices } from "@/lib/connections/list-connection-choices";
import { usesSecureCookies } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors/api-error";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";

export async function selectConnectionAction(id: string): Promise<ActionResult> {
  return guardedAction("viewer", async (actor) => {
    const choice = (await listConnectionChoices(actor)).find((c) => c.id === id);
    if (!choice) throw notFound("No K-LINK connection has this id.");
    (await cookies()).set(ACTIVE_CONNECTION_COOKIE, choice.id, {
      httpOnly: true,
      sameSite: "lax",
      secure: usesSecureCookies(env().NEXTAUTH_URL),
      path: "/",
      maxAge: 365 * 86_400,
    });
    return { message: `Now working with ${choice.name}.` };
  });
}
