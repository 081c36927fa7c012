// The one wrapper every route handler goes through. It does the boring, security-relevant work
// in one place: request id and log context, input parsing with zod, error mapping.
// (Authentication, roles, same-origin checks and audit are added here as those features land.)
import type { z } from "zod";
import { ApiError, errorResponse, zodFieldErrors } from "./errors";
import { logger } from "../log/logger";
import { requestIdFrom, runWithRequestContext } from "../log/request-context";
import { observeHttpRequest } from "../metrics/observe-request";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteOptions<Q extends Schema | undefined, B extends Schema | undefined, P extends Schema | undefined> = {
  /** Who may call. "public" = no authentication. */
  access: "public";
  query?: Q;
  body?: B;
  params?: P;
};

export type RouteContext<Q, B, P> = {
  req: Request;
  requestId: string;
  query: Infer<Q>;
  body: Infer<B>;
  params: Infer<P>;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function route<Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  options: RouteOptions<Q, B, P>,
  handler: (ctx: RouteContext<Q, B, P>) => Promise<Response>,
) {
  return async (req: Request, nextContext?: NextContext): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    const started = performance.now();
    return runWithRequestContext({ requestId }, async () => {
      let response: Response;
      try {
        const query = options.query ? parseOrThrow(options.query, Object.fromEntries(new URL(req.url).searchParams), "query") : undefined;
        const params = options.params ? parseOrThrow(options.params, (await nextContext?.params) ?? {}, "params") : undefined;
        const body = options.body ? parseOrThrow(options.body, await readJson(req), "body") : undefined;
        response = await handler({ req, requestId, query, body, params } as RouteContext<Q, B, P>);
      } catch (error) {
        response = errorResponse(error, requestId);
      }
      if (!response.headers.has("x-request-id")) response.headers.set("x-request-id", requestId);
      observeHttpRequest(req.method, new URL(req.url).pathname, response.status, (performance.now() - started) / 1000);
      logger.info(
        { method: req.method, path: new URL(req.url).pathname, status: response.status, ms: Math.round(performance.now() - started) },
        "request",
      );
      return response;
    });
  };
}

function parseOrThrow<S extends Schema>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError(400, "validation_failed", `The ${where} is not valid.`, { fields: zodFieldErrors(result.error, where) });
  }
  return result.data;
}

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
