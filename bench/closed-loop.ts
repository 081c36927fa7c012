// Closed-loop load over a keep-alive undici Pool: a fixed number of workers, each sending its
// next request as soon as the previous one is answered, for a fixed time. Latencies are kept
// per request; answers are tallied by status and by x-cache.
import type { Pool } from "undici";

export type LoadResult = {
  requests: number;
  seconds: number;
  latencies: number[];
  statuses: Record<number, number>;
  cacheStates: Record<string, number>;
};

export async function closedLoop(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  options: { seconds: number; concurrency: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const cacheStates: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const res = await pool.request({ method: "GET", path, headers });
        await res.body.text();
        latencies.push(performance.now() - sent);
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        const cache = res.headers["x-cache"];
        if (typeof cache === "string") cacheStates[cache] = (cacheStates[cache] ?? 0) + 1;
      }
    }),
  );
  return {
    requests: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies,
    statuses,
    cacheStates,
  };
}

/** Several runs as one: requests and time add up, latencies are pooled. */
export function combine(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => Record<string, number>) =>
    results.reduce<Record<string, number>>((all, r) => {
      for (const [k, n] of Object.entries(pick(r))) all[k] = (all[k] ?? 0) + n;
      return all;
    }, {});
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies),
    statuses: sum((r) => r.statuses),
    cacheStates: sum((r) => r.cacheStates),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
