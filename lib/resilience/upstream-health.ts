import "server-only";
// How each connection's K-LINK answered lately, in this process: the outcome of its last call
// (after retries) and of its last failure. Pages read it to say "K-LINK is not answering" next to
// stale data, and the dashboard shows it. One record per connection per process, whichever route
// bundle made the call.
import { KlinkHttpError, KlinkNetworkError, KlinkTimeoutError } from "../klink/errors";
import { opensCircuit } from "./upstream-fault";
import { CircuitOpenError } from "./circuit-open-error";
import { processGlobal } from "../process-global";

export type UpstreamHealth = {
  /** false when the last call ended in a fault (network, timeout, 5xx, open circuit). */
  healthy: boolean;
  lastCallAt: number;
  lastLatencyMs: number;
  lastFailureAt: number | null;
  /** e.g. "upstream_timeout"; never a message that could carry a host or a token. */
  lastFailureKind: string | null;
  calls: number;
  failures: number;
};

const processRecords = processGlobal<Map<string, UpstreamHealth>>("upstream-health");

function records(): Map<string, UpstreamHealth> {
  return processRecords.init(() => new Map());
}

function recordFor(connectionId: string): UpstreamHealth {
  let record = records().get(connectionId);
  if (!record) {
    record = {
      healthy: true,
      lastCallAt: 0,
      lastLatencyMs: 0,
      lastFailureAt: null,
      lastFailureKind: null,
      calls: 0,
      failures: 0,
    };
    records().set(connectionId, record);
  }
  return record;
}

/** Records the end of one K-LINK call (retries included). K-LINK's own 4xx answers count as healthy. */
export function recordUpstreamOutcome(connectionId: string, latencyMs: number, error?: unknown): void {
  const record = recordFor(connectionId);
  const now = Date.now();
  record.calls += 1;
  record.lastCallAt = now;
  record.lastLatencyMs = Math.round(latencyMs);
  const fault = error !== undefined && (opensCircuit(error) || error instanceof CircuitOpenError);
  record.healthy = !fault;
  if (fault) {
    record.failures += 1;
    record.lastFailureAt = now;
    record.lastFailureKind = faultKind(error);
  }
}

/** The connection's record, or null when this process has not called its K-LINK yet. */
export function upstreamHealth(connectionId: string): UpstreamHealth | null {
  const record = records().get(connectionId);
  return record ? { ...record } : null;
}

function faultKind(error: unknown): string {
  if (error instanceof CircuitOpenError) return "circuit_open";
  if (error instanceof KlinkTimeoutError) return "timeout";
  if (error instanceof KlinkNetworkError) return "unreachable";
  if (error instanceof KlinkHttpError) return `status_${error.status}`;
  return "error";
}
