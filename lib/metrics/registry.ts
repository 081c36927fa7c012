import "server-only";
// The process's one Prometheus registry and the console's metrics (one per process: two
// registries would each hold half the counts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processGlobal } from "../process-global";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "klink_console_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "klink_console_http_requests_total",
      help: "Requests answered by the console, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "klink_console_http_request_duration_seconds",
      help: "Time to answer a request, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cacheReads: new Counter({
      name: "klink_console_cache_reads_total",
      help: "Cached K-LINK reads by endpoint and cache state (hit, miss, stale, bypass; uncacheable: unknown query parameters or an over-long key).",
      labelNames: ["endpoint", "state"] as const,
      registers,
    }),
    cacheErrors: new Counter({
      name: "klink_console_cache_errors_total",
      help: "Cache backend operations that failed (the request then went to K-LINK).",
      labelNames: ["operation"] as const,
      registers,
    }),
    upstreamRequests: new Counter({
      name: "klink_console_upstream_requests_total",
      help: "Calls made to K-LINK, by endpoint and outcome (HTTP status, timeout or network).",
      labelNames: ["endpoint", "outcome"] as const,
      registers,
    }),
    upstreamErrors: new Counter({
      name: "klink_console_upstream_errors_total",
      help: "Failed calls to K-LINK by endpoint and kind (network, timeout, status_5xx, status_429, status_4xx, bad_response, too_large, circuit_open).",
      labelNames: ["endpoint", "kind"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "klink_console_upstream_request_duration_seconds",
      help: "Latency of calls to K-LINK by endpoint.",
      labelNames: ["endpoint"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    upstreamDrift: new Counter({
      name: "klink_console_upstream_drift_total",
      help: "Places where a K-LINK answer differed from the endpoint registry's description, by endpoint and JSON path (array indexes removed).",
      labelNames: ["endpoint", "path"] as const,
      registers,
    }),
    requestBodyBytes: new Counter({
      name: "klink_console_request_body_bytes_total",
      help: "Request body bytes the console read (through lib/http/read-body.ts), by body limit (json, auth).",
      labelNames: ["limit"] as const,
      registers,
    }),
    requestBodiesRefused: new Counter({
      name: "klink_console_request_bodies_refused_total",
      help: "Request bodies refused with 413 for being over their limit, by body limit (json, auth).",
      labelNames: ["limit"] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: "klink_console_rate_limited_total",
      help: "Requests refused (or counted and not stored) by a rate limit, by limiter name (e.g. login_address, proxy_actor).",
      labelNames: ["limiter"] as const,
      registers,
    }),
    circuitState: new Gauge({
      name: "klink_console_circuit_state",
      help: "Circuit breaker state per connection: 0 closed, 1 half-open, 2 open.",
      labelNames: ["connection"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const processMetrics = processGlobal<Metrics>("metrics");

export function metrics(): Metrics {
  return processMetrics.init(createMetrics);
}
