import "server-only";
// One call to K-LINK made resilient: retries (retry.ts) around the connection's circuit breaker
// (circuit-breakers.ts) around the actual attempt, which is measured for the metrics. The
// per-attempt timeout belongs to the client (KLINK_TIMEOUT_MS), so a call is bounded by
// (retries + 1) × timeout plus short backoffs, and timeouts themselves are not retried.
import {
  KlinkHttpError,
  KlinkNetworkError,
  KlinkResponseShapeError,
  KlinkResponseTooLargeError,
  KlinkTimeoutError,
} from "../klink/errors";
import { env } from "../env";
import { metrics } from "../metrics/registry";
import { CircuitOpenError } from "./circuit-open-error";
import { DEFAULT_CIRCUIT_SETTINGS, throughCircuit, type CircuitSettings } from "./circuit-breakers";
import { DEFAULT_RETRY_SETTINGS, withRetries, type RetrySettings } from "./retry";
import { recordUpstreamOutcome } from "./upstream-health";

export type ResilientCallOptions<T> = {
  connectionId: string;
  /** Endpoint name, for the metrics. */
  endpoint: string;
  /** GETs: transient faults are retried. */
  idempotent: boolean;
  attempt: () => Promise<T>;
  retry?: Partial<RetrySettings>;
  circuit?: CircuitSettings;
  sleep?: (ms: number) => Promise<void>;
};

export async function resilientCall<T>(options: ResilientCallOptions<T>): Promise<T> {
  const settings: RetrySettings = {
    ...DEFAULT_RETRY_SETTINGS,
    maxRetryAfterMs: env().KLINK_RETRY_AFTER_MAX_MS,
    ...options.retry,
  };
  const started = performance.now();
  try {
    const result = await retried(options, settings);
    recordUpstreamOutcome(options.connectionId, performance.now() - started);
    return result;
  } catch (error) {
    recordUpstreamOutcome(options.connectionId, performance.now() - started, error);
    throw error;
  }
}

function retried<T>(options: ResilientCallOptions<T>, settings: RetrySettings): Promise<T> {
  return withRetries(
    async () => {
      try {
        return await throughCircuit(
          options.connectionId,
          () => measured(options.endpoint, options.attempt),
          options.circuit ?? DEFAULT_CIRCUIT_SETTINGS,
        );
      } catch (error) {
        if (error instanceof CircuitOpenError)
          metrics().upstreamErrors.inc({ endpoint: options.endpoint, kind: "circuit_open" });
        throw error;
      }
    },
    { idempotent: options.idempotent, settings, sleep: options.sleep },
  );
}

async function measured<T>(endpoint: string, attempt: () => Promise<T>): Promise<T> {
  const m = metrics();
  const stop = m.upstreamDuration.startTimer({ endpoint });
  try {
    const result = await attempt();
    m.upstreamRequests.inc({ endpoint, outcome: "success" });
    return result;
  } catch (error) {
    const { outcome, kind } = classify(error);
    m.upstreamRequests.inc({ endpoint, outcome });
    m.upstreamErrors.inc({ endpoint, kind });
    throw error;
  } finally {
    stop();
  }
}

function classify(error: unknown): { outcome: string; kind: string } {
  if (error instanceof KlinkHttpError) {
    const kind = error.status === 429 ? "status_429" : error.status >= 500 ? "status_5xx" : "status_4xx";
    return { outcome: String(error.status), kind };
  }
  if (error instanceof KlinkTimeoutError) return { outcome: "timeout", kind: "timeout" };
  if (error instanceof KlinkNetworkError) return { outcome: "network", kind: "network" };
  if (error instanceof KlinkResponseShapeError) return { outcome: "bad_response", kind: "bad_response" };
  if (error instanceof KlinkResponseTooLargeError) return { outcome: "too_large", kind: "too_large" };
  return { outcome: "error", kind: "other" };
}
