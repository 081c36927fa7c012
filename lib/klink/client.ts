// The typed K-LINK client. Every call is checked against the endpoint registry before anything is
// sent, goes out on the shared keep-alive pool of its origin with the bearer token, and ends in
// either a result holding K-LINK's answer as it came or one of the typed errors of ./errors.
// A 2xx answer is never an error because of its shape: where it differs from the registry's
// response schema the result lists the differences (`drift`), for the caller to record.
// No retries here: the resilience layer above decides what to retry.
import "server-only";
import { ZodError, type z } from "zod";
import { logger } from "../log/logger";
import { currentRequestContext } from "../log/request-context";
import type { EndpointDef, KlinkCallInput } from "./endpoint-def";
import {
  KlinkHttpError,
  KlinkNetworkError,
  KlinkResponseShapeError,
  KlinkResponseTooLargeError,
  KlinkTimeoutError,
} from "./errors";
import { findDrift, type DriftFinding } from "./find-drift";
import type { Dispatcher } from "undici";
import { poolFor } from "./http-pool";
import {
  buildPath,
  endpointNames,
  endpoints,
  type EndpointName,
  type EndpointResponse,
  type Endpoints,
} from "./registry";
import { parseRetryAfter, upstreamRequestIdOf } from "./response-meta";

export type { KlinkCallInput };

export type KlinkResult<T = unknown> = {
  status: number;
  /**
   * The parsed JSON body exactly as K-LINK sent it, every field kept. Typed as the docs describe
   * it, which K-LINK's answer may not follow: read it through the console's normalisers
   * (lib/console/normalize/), never trusting a field's type.
   */
  data: T;
  /** false when a write's 2xx answer was not JSON: `data` is then its text ("" when empty). */
  json: boolean;
  /**
   * Where the answer differs from the registry's response schema (nothing for a text answer).
   * Found the first time it is read.
   */
  drift: DriftFinding[];
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  upstreamRequestId?: string;
  latencyMs: number;
};

export type KlinkCallOptions = { signal?: AbortSignal; timeoutMs?: number };
export type KlinkClientOptions = {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  /** The most bytes of an answer that are read (KLINK_MAX_RESPONSE_BYTES); a longer one is KlinkResponseTooLargeError. */
  maxResponseBytes?: number;
};

export const DEFAULT_KLINK_TIMEOUT_MS = 10_000;
export const DEFAULT_KLINK_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

type Empty = Record<never, never>;
type Def<N extends EndpointName> = Endpoints[N];
type ParamsPart<D> = D extends { params: infer S extends z.ZodType } ? { params: z.input<S> } : Empty;
type QueryPart<D> = D extends { query: infer S extends z.ZodType }
  ? Empty extends z.output<S>
    ? { query?: z.output<S> }
    : { query: z.output<S> }
  : Empty;
type HeadersPart<D> = D extends { headers: infer S extends z.ZodType } ? { headers: z.input<S> } : Empty;
type BodyPart<D> = D extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : Empty;

/** The typed input of one endpoint: exactly the parts it takes. */
export type EndpointInput<N extends EndpointName> = ParamsPart<Def<N>> &
  QueryPart<Def<N>> &
  HeadersPart<Def<N>> &
  BodyPart<Def<N>>;

type EndpointMethod<N extends EndpointName> = (
  ...args: Empty extends EndpointInput<N>
    ? [input?: EndpointInput<N>, opts?: KlinkCallOptions]
    : [input: EndpointInput<N>, opts?: KlinkCallOptions]
) => Promise<KlinkResult<EndpointResponse<N>>>;

type Group = EndpointName extends `${infer G}.${string}` ? G : never;

/** `client.tickets.list({ query: { status: "open" } })` — one method per registry entry. */
export type KlinkApi = {
  [G in Group]: { [N in EndpointName as N extends `${G}.${infer A}` ? A : never]: EndpointMethod<N> };
};

export type KlinkClient = KlinkApi & {
  call<N extends EndpointName>(
    name: N,
    input?: KlinkCallInput,
    opts?: KlinkCallOptions,
  ): Promise<KlinkResult<EndpointResponse<N>>>;
};

const USER_AGENT = "klink-console";

export function createKlinkClient(options: KlinkClientOptions): KlinkClient {
  const base = new URL(options.baseUrl);
  if (!/^https?:$/.test(base.protocol) || base.username || base.password || base.search) {
    throw new Error("The K-LINK base URL must be an http(s) URL without credentials or query.");
  }
  // A token with whitespace or control characters could split headers: refuse it, naming nothing.
  if (!options.token || !/^[\x21-\x7e]+$/.test(options.token))
    throw new Error("The K-LINK token is empty or malformed.");
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, "");
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_KLINK_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_KLINK_MAX_RESPONSE_BYTES;
  const authorization = `Bearer ${options.token}`;

  async function call<N extends EndpointName>(
    name: N,
    input: KlinkCallInput = {},
    opts: KlinkCallOptions = {},
  ): Promise<KlinkResult<EndpointResponse<N>>> {
    const def: EndpointDef = endpoints[name];
    const parsed = validateInput(def, input);
    const headers: Record<string, string> = {
      authorization,
      accept: "application/json",
      "user-agent": USER_AGENT,
      ...parsed.headers,
    };
    const requestId = currentRequestContext()?.requestId;
    if (requestId) headers["x-request-id"] = requestId;
    let body: string | undefined;
    if (def.body && parsed.body !== undefined) {
      body = JSON.stringify(parsed.body);
      headers["content-type"] = "application/json";
    }
    const path = `${basePath}${buildPath(def.path, parsed.params)}${queryString(parsed.query)}`;
    const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;

    const started = performance.now();
    const raw = await send(
      name,
      { origin, path, method: def.method, headers, body },
      { timeoutMs, maxResponseBytes },
      opts.signal,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;

    const answer = parseBody(raw.text);
    const data = answer.json ? answer.value : answer.text;
    const upstreamRequestId = upstreamRequestIdOf(raw.headers, data);
    logger.debug({ endpoint: name, status: raw.status, latencyMs, upstreamRequestId }, "klink call");
    if (raw.status < 200 || raw.status > 299) {
      throw new KlinkHttpError(name, raw.status, data, upstreamRequestId, parseRetryAfter(raw.headers["retry-after"]));
    }
    // A read has nothing to show without JSON; a write that K-LINK acknowledged happened anyway.
    if (!answer.json && def.method === "GET") throw new KlinkResponseShapeError(name, raw.status, answer.text);
    let drift: DriftFinding[] | undefined;
    return {
      status: raw.status,
      data: data as EndpointResponse<N>,
      json: answer.json,
      // Found when first read, not before the call returns: it walks the whole answer, and the
      // data layer records it only once its own caller has been answered (lib/klink-data/call-klink.ts).
      get drift() {
        return (drift ??= answer.json ? findDrift(def.response, answer.value) : []);
      },
      headers: raw.headers,
      upstreamRequestId,
      latencyMs,
    };
  }

  const api = {} as Record<
    string,
    Record<string, (input?: KlinkCallInput, opts?: KlinkCallOptions) => Promise<KlinkResult>>
  >;
  for (const name of endpointNames) {
    const [group, action] = name.split(".");
    (api[group] ??= {})[action] = (input, opts) => call(name, input, opts);
  }
  return { ...(api as unknown as KlinkApi), call };
}

type Parsed = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string>;
};

/** Checks the input against the registry; a ZodError with paths under params/query/body/headers. */
function validateInput(def: EndpointDef, input: KlinkCallInput): Parsed {
  const issues: z.core.$ZodIssue[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, where: string): unknown => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) issues.push({ ...issue, path: [where, ...issue.path] });
    return undefined;
  };
  const lowerHeaders = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const parsed: Parsed = {
    params: (parse(def.params, input.params ?? {}, "params") ?? {}) as Record<string, string>,
    // Without a declared query, parameters pass through as given (never drop data).
    query: (def.query ? (parse(def.query, input.query ?? {}, "query") ?? {}) : (input.query ?? {})) as Record<
      string,
      unknown
    >,
    headers: (parse(def.headers, lowerHeaders, "headers") ?? {}) as Record<string, string>,
    body: parse(def.body, input.body, "body"),
  };
  if (issues.length) throw new ZodError(issues);
  return parsed;
}

function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function parseBody(text: string): { json: true; value: unknown } | { json: false; text: string } {
  if (!text) return { json: false, text };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    return { json: false, text };
  }
}

type RawResponse = { status: number; headers: Record<string, string>; text: string };
type Outgoing = { origin: string; path: string; method: string; headers: Record<string, string>; body?: string };

async function send(
  name: EndpointName,
  req: Outgoing,
  { timeoutMs, maxResponseBytes }: { timeoutMs: number; maxResponseBytes: number },
  callerSignal?: AbortSignal,
): Promise<RawResponse> {
  callerSignal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  try {
    const res = await poolFor(req.origin).request({
      path: req.path,
      method: req.method as "GET",
      headers: req.headers,
      body: req.body,
      signal,
    });
    const text = await readLimited(res, maxResponseBytes, name);
    return { status: res.statusCode, headers: flattenHeaders(res.headers), text };
  } catch (error) {
    if (error instanceof KlinkResponseTooLargeError) throw error;
    if (timeout.signal.aborted) throw new KlinkTimeoutError(name, timeoutMs);
    if (callerSignal?.aborted) throw callerSignal.reason;
    throw new KlinkNetworkError(name, errorCode(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The answer's body as text, read chunk by chunk and given up as soon as it passes the limit (or
 * at once when its Content-Length says it will): memory never holds more than the limit. Read
 * from the stream's events rather than an async iterator, which costs a promise per chunk.
 */
function readLimited(res: Dispatcher.ResponseData, limit: number, name: EndpointName): Promise<string> {
  const declared = Number(res.headers["content-length"]);
  const body = res.body;
  const tooLarge = () => {
    body.destroy();
    return new KlinkResponseTooLargeError(name, res.statusCode, limit);
  };
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    body.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return fail(tooLarge());
      chunks.push(chunk);
    });
    body.once("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size).toString("utf8"));
    });
    body.on("error", fail);
    // Closed before its end without an error of its own (as the async iterator reports it).
    body.once("close", () => fail(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" })));
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) flat[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** Only the error code travels (ECONNREFUSED, UND_ERR_SOCKET …): messages can name internal hosts. */
function errorCode(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = withCode?.code ?? withCode?.cause?.code;
  return typeof code === "string" ? code : undefined;
}
