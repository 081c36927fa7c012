import "server-only";
// "Sign out everywhere": ends every session of a user at once, wherever it was opened (the
// session version goes up; at once on this instance, within seconds on the others). Users end
// their own, admins anyone's. Personal API keys are not sessions: they are revoked on their own.
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { assertSession } from "../identity/session-only";
import { forgetCachedUser } from "../auth/current-user";
import type { Audit } from "../audit/request-audit";

export async function signOutEverywhere(actor: Actor, userId: string, audit: Audit): Promise<{ email: string }> {
  assertSession(actor, "users.sign_out_everywhere");
  assertRole(actor, userId === actor.userId ? "viewer" : "admin");
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("No user has this id.");
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  forgetCachedUser(userId);
  await audit({
    action: "user.sign_out_everywhere",
    outcome: "success",
    target: { type: "user", id: userId },
    after: { sessionsEnded: true },
  });
  return user;
}
