import "server-only";
// THE data layer for K-LINK: used by the proxy routes and by server components and actions.
// It re-checks the actor's role against the registry entry (authorization in the data layer,
// whatever the caller checked), validates the input, resolves the connection (token decrypted
// here, never returned), reads through the cache for GETs with the registry's policy, calls
// K-LINK through retries and the connection's circuit breaker, invalidates the registry's tags
// after a successful write, audits every write attempt, and maps failures (map-klink-error.ts):
// K-LINK's own 4xx are thrown as KlinkHttpError, everything else as ApiError. A 2xx answer is
// K-LINK's answer whatever its shape: it reaches the caller as it came, a write it acknowledges
// is a success, and where it differs from the registry's description is recorded as drift.
import { ApiError } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast } from "../identity/roles";
import { cacheKey } from "../cache/cache-key";
import { uncacheableReason } from "./cacheable-read";
import { getCache } from "../cache/get-cache";
import { invalidateTags } from "../cache/invalidate-tags";
import { readThrough, type CacheState } from "../cache/read-through";
import { resolveConnection, type ResolvedConnection } from "../connections/resolve-connection";
import { env, perConfiguration } from "../env";
import { createKlinkClient, type KlinkClient } from "../klink/client";
import { KlinkHttpError } from "../klink/errors";
import { recordDriftSoon } from "../drift/record-drift";
import { currentRequestContext } from "../log/request-context";
import {
  endpoints,
  type EndpointDef,
  type EndpointName,
  type EndpointResponse,
  type KlinkCallInput,
} from "../klink/registry";
import { logger } from "../log/logger";
import { metrics } from "../metrics/registry";
import { resilientCall } from "../resilience/resilient-call";
import { afterConsoleWrite } from "./after-write";
import { auditWrite, type ProxyRequestInfo } from "./audit-write";
import { cachedResourceBefore } from "./cached-resource-before";
import { mapKlinkError } from "./map-klink-error";
import { parseEndpointInput } from "./parse-endpoint-input";
import { learnFromAnswer } from "./ticket-number-index";

export type CallKlinkOptions<N extends EndpointName> = {
  actor: Actor;
  /** Absent: the default connection. */
  connectionId?: string;
  endpoint: N;
  input?: KlinkCallInput;
  /** Skip a cached answer and ask K-LINK (the answer is stored). Honoured for admins only. */
  bypassCache?: boolean;
  request?: ProxyRequestInfo;
};

export type CallKlinkResult<T> = {
  status: number;
  /** K-LINK's answer as it came: every field kept, typed as documented but not checked (see KlinkResult). */
  data: T;
  /** false when a write's 2xx answer was not JSON: `data` is then its text. Reads are always JSON. */
  json: boolean;
  /** HIT, MISS, STALE or BYPASS for cached reads; null for writes. */
  cacheState: CacheState | null;
  ageSeconds: number;
  /** Set when cacheState is STALE: the refresh is under way, or K-LINK failed just now. */
  staleReason?: "revalidating" | "upstream_error";
  connectionId: string;
};

type Loaded = { status: number; data: unknown };

export async function callKlink<N extends EndpointName>(
  options: CallKlinkOptions<N>,
): Promise<CallKlinkResult<EndpointResponse<N>>> {
  const def: EndpointDef = endpoints[options.endpoint];
  if (!def) throw new ApiError("unknown_endpoint", "No such K-LINK endpoint.");
  const result = def.method === "GET" ? await read(def, options) : await write(def, options);
  return result as CallKlinkResult<EndpointResponse<N>>;
}

async function read(def: EndpointDef, options: CallKlinkOptions<EndpointName>): Promise<CallKlinkResult<unknown>> {
  assertRole(options.actor, def.role);
  const input = parseEndpointInput(def, options.input ?? {});
  const connection = await resolveConnection(options.actor, options.connectionId);
  const load = async (): Promise<Loaded> => {
    const answer = await callThroughResilience(def, connection, input);
    learnFromAnswer(connection.id, def.name, answer.data);
    return { status: answer.status, data: answer.data };
  };
  try {
    const key = cacheKey(connection.id, def.name, input);
    const uncacheable = def.cache ? uncacheableReason(def, input, key) : undefined;
    if (!def.cache || uncacheable) {
      if (uncacheable) metrics().cacheReads.inc({ endpoint: def.name, state: "uncacheable" });
      const loaded = await load();
      return { ...loaded, json: true, cacheState: null, ageSeconds: 0, connectionId: connection.id };
    }
    const policy = def.cache.forInput?.(input, Date.now());
    const { ttlSeconds, staleWhileRevalidateSeconds, staleIfErrorSeconds } = policy ?? def.cache;
    const config = env();
    const cached = await readThrough<Loaded>({
      cache: getCache(),
      key,
      connectionId: connection.id,
      tags: policy?.tags ?? def.cache.tags(input),
      policy: { ttlSeconds, staleWhileRevalidateSeconds, staleIfErrorSeconds },
      load,
      bypass: Boolean(options.bypassCache) && roleAtLeast(options.actor.role, "admin"),
      // Long enough for one call with its retries; then a waiting process loads by itself.
      lockTtlMs: config.KLINK_TIMEOUT_MS + config.KLINK_RETRY_AFTER_MAX_MS + 2_000,
    });
    metrics().cacheReads.inc({ endpoint: def.name, state: cached.state.toLowerCase() });
    return {
      ...cached.value,
      json: true,
      cacheState: cached.state,
      ageSeconds: cached.ageSeconds,
      ...(cached.staleReason ? { staleReason: cached.staleReason } : {}),
      connectionId: connection.id,
    };
  } catch (error) {
    throw mapKlinkError(error);
  }
}

async function write(def: EndpointDef, options: CallKlinkOptions<EndpointName>): Promise<CallKlinkResult<unknown>> {
  const started = performance.now();
  const rawInput = options.input ?? {};
  let input = rawInput;
  let connectionId: string | null = options.connectionId ?? null;
  let before: unknown;
  const audit = (
    outcome: "success" | "failure" | "denied" | "invalid",
    status: number,
    extra: { upstreamStatus?: number | null; after?: unknown; error?: ApiError | Error } = {},
  ) =>
    auditWrite({
      actor: options.actor,
      def,
      connectionId,
      input,
      request: options.request,
      outcome,
      status,
      upstreamStatus: extra.upstreamStatus,
      latencyMs: performance.now() - started,
      after: extra.after,
      before,
      error: extra.error ? errorSummary(extra.error) : undefined,
    });

  try {
    assertRole(options.actor, def.role);
    input = parseEndpointInput(def, rawInput);
    const connection = await resolveConnection(options.actor, options.connectionId);
    connectionId = connection.id;
    before = await cachedResourceBefore(def, connection.id, input);
    const answer = await callThroughResilience(def, connection, input);
    await invalidateAfterWrite(def, connection.id, input, answer.data);
    learnFromAnswer(connection.id, def.name, answer.data);
    await audit("success", answer.status, { upstreamStatus: answer.status, after: answer.data });
    await afterConsoleWrite({
      actor: options.actor,
      endpoint: def.name,
      connectionId: connection.id,
      input,
      answer: answer.data,
    });
    return {
      status: answer.status,
      data: answer.data,
      json: answer.json,
      cacheState: null,
      ageSeconds: 0,
      connectionId: connection.id,
    };
  } catch (error) {
    const mapped = mapKlinkError(error);
    const status = mapped instanceof ApiError ? mapped.status : mapped instanceof KlinkHttpError ? mapped.status : 500;
    const outcome =
      status === 403 && !(error instanceof KlinkHttpError)
        ? "denied"
        : status === 400 && mapped instanceof ApiError
          ? "invalid"
          : "failure";
    const upstreamStatus = error instanceof KlinkHttpError ? error.status : null;
    await audit(outcome, status, {
      upstreamStatus,
      error: mapped instanceof Error ? mapped : undefined,
      after: error instanceof KlinkHttpError ? error.body : undefined,
    });
    throw mapped;
  }
}

async function callThroughResilience(def: EndpointDef, connection: ResolvedConnection, input: KlinkCallInput) {
  const client = clientFor(connection);
  const answer = await resilientCall({
    connectionId: connection.id,
    endpoint: def.name,
    idempotent: def.method === "GET",
    attempt: () => client.call(def.name as EndpointName, input),
  });
  const requestId = currentRequestContext()?.requestId;
  // Found and recorded once this call's caller has its answer (the drift is read then).
  recordDriftSoon(() => ({ connectionId: connection.id, endpoint: def.name, findings: answer.drift, requestId }));
  return answer;
}

// The client of a resolved connection, made once: the connection cache hands out the same object
// for a few seconds (lib/connections/connection-cache.ts), and making a client checks the URL and
// token again and builds a method per endpoint. Made anew when the configuration was read anew.
const clientFor = perConfiguration((connection: ResolvedConnection, config): KlinkClient =>
  createKlinkClient({
    baseUrl: connection.baseUrl,
    token: connection.token,
    timeoutMs: config.KLINK_TIMEOUT_MS,
    maxResponseBytes: config.KLINK_MAX_RESPONSE_BYTES,
  }),
);

async function invalidateAfterWrite(
  def: EndpointDef,
  connectionId: string | null,
  input: KlinkCallInput,
  data: unknown,
): Promise<void> {
  if (!connectionId || !def.invalidates) return;
  try {
    await invalidateTags(connectionId, def.invalidates(input, data));
  } catch (error) {
    // The write succeeded at K-LINK; the entries it affects expire with their TTL.
    logger.error({ endpoint: def.name, err: error }, "cache invalidation after a write failed");
  }
}

function errorSummary(error: Error): { code: string; message: string; fields?: Record<string, string[]> } {
  if (error instanceof ApiError)
    return {
      code: error.code,
      message: error.message,
      ...(error.options.fields ? { fields: error.options.fields } : {}),
    };
  if (error instanceof KlinkHttpError) return { code: "upstream_rejected", message: error.message };
  return { code: "internal_error", message: "unexpected error" };
}
