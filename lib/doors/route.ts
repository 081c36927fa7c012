import "server-only";
// The one wrapper every route handler goes through. It does the boring, security-relevant work
// in one place: request id and log context, authentication (session cookie or personal API key)
// with the user's current role, the same-origin check on cookie-authenticated writes, the refusal
// of API keys where only a person may act, input parsing with zod, an audit writer bound to the
// request, error mapping, and the security headers of API answers.
import type { z } from "zod";
import { createAudit, requestInfoOf, type Audit } from "../audit/request-audit";
import { env } from "../env";
import { ApiError } from "../errors/api-error";
import { zodFieldErrors } from "../errors/zod-field-errors";
import { recordAnsweredRequest } from "../http/answered-request";
import { apiAnswerHeaders } from "../http/security-headers";
import { refuseUnstorableText } from "../http/json-input";
import { readJson } from "../http/read-json";
import type { Actor } from "../identity/actor";
import type { Role } from "../identity/roles";
import type { SessionOnlyOperation } from "../identity/session-only";
import { requestIdFrom, runWithRequestContext } from "../log/request-context";
import { routeLabel } from "../metrics/route-label";
import { authorize } from "./authorize";
import { errorResponse } from "./error-response";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** "public" = no authentication; otherwise the minimum role (admin > agent > viewer). */
export type Access = "public" | Role;

export type RouteOptions<
  A extends Access,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  P extends Schema | undefined,
> = {
  access: A;
  /** Refuses personal API keys: only a signed-in person may (lib/identity/session-only.ts). */
  sessionOnly?: SessionOnlyOperation;
  query?: Q;
  body?: B;
  params?: P;
  /** Query and path parameters are taken as they come, NUL included (the webhook endpoint stores every delivery and cleans what it stores itself). */
  acceptAnyText?: boolean;
  /** The route label of this request's metrics, when finer than the route's template (the proxy: per K-LINK endpoint). Must come from a bounded set. */
  metricsRoute?: (req: Request) => string | undefined;
};

export type RouteContext<Q, B, P, A extends Access = Access> = {
  req: Request;
  requestId: string;
  /** The authenticated caller; absent only on public routes. */
  actor: A extends "public" ? Actor | undefined : Actor;
  /** Records an audit entry with actor, ip, user agent, method, path and request id filled in. */
  audit: Audit;
  query: Infer<Q>;
  body: Infer<B>;
  params: Infer<P>;
};

type NextContext = { params?: Promise<Record<string, string | string[]>> };

export function route<
  A extends Access,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(options: RouteOptions<A, Q, B, P>, handler: (ctx: RouteContext<Q, B, P, A>) => Promise<Response>) {
  return async (req: Request, nextContext?: NextContext): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    const started = performance.now();
    return runWithRequestContext({ requestId }, async () => {
      let response: Response;
      try {
        const actor =
          options.access === "public"
            ? undefined
            : await authorize(req, { access: options.access, sessionOnly: options.sessionOnly }, requestId);
        const audit = createAudit(actor, requestInfoOf(req, requestId));
        const query = options.query
          ? parseOrThrow(
              options.query,
              checkedText(Object.fromEntries(new URL(req.url).searchParams), "query", options.acceptAnyText),
              "query",
            )
          : undefined;
        const params = options.params
          ? parseOrThrow(
              options.params,
              checkedText((await nextContext?.params) ?? {}, "params", options.acceptAnyText),
              "params",
            )
          : undefined;
        const body = options.body ? parseOrThrow(options.body, await readJson(req), "body") : undefined;
        response = await handler({ req, requestId, actor, audit, query, body, params } as RouteContext<Q, B, P, A>);
      } catch (error) {
        response = errorResponse(error, requestId);
      }
      if (!response.headers.has("x-request-id")) response.headers.set("x-request-id", requestId);
      // A handler's own policy (next-auth's HTML page) stays.
      for (const [name, value] of Object.entries(apiAnswerHeaders(env().NEXTAUTH_URL)))
        if (!response.headers.has(name)) response.headers.set(name, value);
      // Next.js passes no params to a route without dynamic segments.
      const routeParams = await Promise.resolve(nextContext?.params).catch(() => undefined);
      const routeName = options.metricsRoute?.(req) ?? routeLabel(new URL(req.url).pathname, routeParams);
      recordAnsweredRequest({
        method: req.method,
        path: new URL(req.url).pathname,
        route: routeName,
        status: response.status,
        ms: performance.now() - started,
      });
      return response;
    });
  };
}

/** Text no database could store (NUL from `%00`) is refused before any schema or query sees it. */
function checkedText<T extends Record<string, unknown>>(values: T, where: string, acceptAnyText?: boolean): T {
  if (!acceptAnyText) refuseUnstorableText(values, where);
  return values;
}

function parseOrThrow<S extends Schema>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError("validation_failed", `The ${where} is not valid.`, {
      fields: zodFieldErrors(result.error, where),
    });
  }
  return result.data;
}
