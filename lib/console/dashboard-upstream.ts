import "server-only";
// The dashboard's view of the console's link to K-LINK: the active connection's health as this
// process saw it (last call, failures, circuit breaker) and how often reads were answered from
// the cache. Both are per process (each instance behind a load balancer has its own).
import { metrics } from "../metrics/registry";
import { circuitState, type CircuitStateName } from "../resilience/circuit-breakers";
import { upstreamHealth, type UpstreamHealth } from "../resilience/upstream-health";

export type UpstreamStatus = {
  /** "unknown": this process has not called this connection's K-LINK yet. */
  state: "healthy" | "failing" | "unknown";
  circuit: CircuitStateName;
  health: UpstreamHealth | null;
  /** How long ago the last call and the last failure were, in seconds. */
  lastCallAgeSeconds: number | null;
  lastFailureAgeSeconds: number | null;
};

export function upstreamStatus(connectionId: string, now = Date.now()): UpstreamStatus {
  const health = upstreamHealth(connectionId);
  const age = (at: number | null | undefined) => (at ? Math.max(0, Math.round((now - at) / 1000)) : null);
  return {
    state: !health ? "unknown" : health.healthy ? "healthy" : "failing",
    circuit: circuitState(connectionId),
    health,
    lastCallAgeSeconds: age(health?.lastCallAt),
    lastFailureAgeSeconds: age(health?.lastFailureAt),
  };
}

export const CACHE_STATES = ["hit", "stale", "miss", "bypass"] as const;
export type CacheStateName = (typeof CACHE_STATES)[number];

export type CacheUse = {
  reads: Record<CacheStateName, number>;
  total: number;
  /** Share of reads answered from the cache (fresh or stale), 0..1; null before any read. */
  hitRate: number | null;
  /** Mean latency of the calls this process made to K-LINK (any connection), or null. */
  meanUpstreamMs: number | null;
};

export async function cacheUse(): Promise<CacheUse> {
  const m = metrics();
  const reads: Record<CacheStateName, number> = { hit: 0, stale: 0, miss: 0, bypass: 0 };
  for (const sample of (await m.cacheReads.get()).values) {
    const state = String(sample.labels.state) as CacheStateName;
    if (state in reads) reads[state] += sample.value;
  }
  const total = CACHE_STATES.reduce((sum, state) => sum + reads[state], 0);
  let seconds = 0;
  let calls = 0;
  for (const sample of (await m.upstreamDuration.get()).values) {
    if (sample.metricName?.endsWith("_sum")) seconds += sample.value;
    else if (sample.metricName?.endsWith("_count")) calls += sample.value;
  }
  return {
    reads,
    total,
    hitRate: total ? (reads.hit + reads.stale) / total : null,
    meanUpstreamMs: calls ? Math.round((seconds / calls) * 1000) : null,
  };
}
