import "server-only";
// K-LINK reads for server components: the same data layer as the proxy (callKlink: role check,
// validation, cache, resilience), with failures returned as values a page can show next to
// whatever else it could load, instead of an exception that blanks the whole page. The answer
// comes as pages show it (normalize/answers.ts): readable whatever shape K-LINK sent.
import type { CacheState } from "../cache/read-through";
import { describeError } from "../errors/describe-error";
import { klinkRejection } from "../errors/klink-rejection";
import type { Actor } from "../identity/actor";
import { callKlink } from "../klink-data/call-klink";
import { KlinkHttpError } from "../klink/errors";
import type { KlinkCallInput } from "../klink/registry";
import { logger } from "../log/logger";
import { runWithRequestContext } from "../log/request-context";
import { shownAnswer, type ReadEndpointName, type ShownAnswer } from "./normalize/answers";

export type Freshness = {
  cacheState: CacheState | null;
  ageSeconds: number;
  staleReason?: "revalidating" | "upstream_error";
};

export type ReadFailure = {
  /** The status the console's API would answer for the same call. */
  status: number;
  code: string;
  /** Safe to show: never a token, a host or a stack. */
  message: string;
  requestId: string;
};

/** Who reads, through which connection, for which request: what a console page knows (lib/doors/console-page.ts). */
export type ReadContext = { actor: Actor; connectionId: string | undefined; requestId: string };

export type KlinkRead<T> =
  { ok: true; data: T; freshness: Freshness; connectionId: string } | { ok: false; failure: ReadFailure };

export async function readKlink<N extends ReadEndpointName>(
  page: ReadContext,
  endpoint: N,
  input: KlinkCallInput = {},
): Promise<KlinkRead<ShownAnswer<N>>> {
  return runWithRequestContext({ requestId: page.requestId }, async () => {
    if (!page.connectionId) {
      return {
        ok: false,
        failure: {
          status: 409,
          code: "no_connection",
          message: "No K-LINK connection is configured yet. An admin can add one under Admin → Connections.",
          requestId: page.requestId,
        },
      };
    }
    try {
      const result = await callKlink({ actor: page.actor, connectionId: page.connectionId, endpoint, input });
      return {
        ok: true,
        data: shownAnswer(endpoint, result.data),
        connectionId: result.connectionId,
        freshness: {
          cacheState: result.cacheState,
          ageSeconds: result.ageSeconds,
          ...(result.staleReason ? { staleReason: result.staleReason } : {}),
        },
      };
    } catch (error) {
      return { ok: false, failure: toFailure(error, page.requestId, endpoint) };
    }
  });
}

function toFailure(error: unknown, requestId: string, endpoint: string): ReadFailure {
  const described = describeError(error);
  if (described) return { status: described.status, code: described.code, message: described.message, requestId };
  if (error instanceof KlinkHttpError) {
    const rejection = klinkRejection(error.status, error.body, 300);
    return {
      status: error.status,
      code: rejection.code,
      message: rejection.message ?? `K-LINK answered ${error.status}.`,
      requestId,
    };
  }
  logger.error({ err: error, endpoint }, "a page's K-LINK read failed");
  return { status: 500, code: "internal_error", message: "Something went wrong while reading from K-LINK.", requestId };
}
