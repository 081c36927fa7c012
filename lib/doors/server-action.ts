import "server-only";
// Runs a server action behind the guard and turns its outcome into something a form can show:
// the same lib functions as the JSON API, the same messages, the same audit records.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { describeError } from "../errors/describe-error";
import { logger } from "../log/logger";
import { incomingRequestId } from "../log/incoming-request-id";
import { runWithRequestContext } from "../log/request-context";
import type { Actor } from "../identity/actor";
import { clientIp, userAgent } from "../http/client-ip";
import { PATH_HEADER } from "../auth/callback-url";
import { requireActionActor } from "./page-guard";
import { createAudit, type Audit } from "../audit/request-audit";
import type { Role } from "../identity/roles";

export type ActionResult<T = unknown> =
  { ok: true; data?: T; message?: string } | { ok: false; error: string; fields?: Record<string, string[]> };

export async function guardedAction<T>(
  minRole: Role,
  action: (actor: Actor, audit: Audit) => Promise<{ data?: T; message?: string }>,
): Promise<ActionResult<T>> {
  // The action's POST went through proxy.ts like a page request: its id is on the response too.
  const requestId = await incomingRequestId();
  return runWithRequestContext({ requestId }, async () => {
    try {
      const actor = await requireActionActor(minRole);
      const h = await headers();
      const audit = createAudit(actor, {
        method: "POST",
        path: h.get(PATH_HEADER)?.split("?")[0] ?? undefined,
        ip: clientIp(h),
        userAgent: userAgent(h),
        requestId,
      });
      return { ok: true as const, ...(await action(actor, audit)) };
    } catch (error) {
      // redirect() and notFound() work by throwing; they are not failures.
      unstable_rethrow(error);
      const described = describeError(error);
      if (described) return { ok: false as const, error: described.message, fields: described.fields };
      logger.error({ err: error }, "server action failed");
      return { ok: false as const, error: `Something went wrong. Quote request id ${requestId} when reporting it.` };
    }
  });
}
