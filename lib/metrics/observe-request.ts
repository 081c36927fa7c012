import "server-only";
// Request count and latency by route, method and status, for every handler of lib/doors/route.ts.
// `route` is a template from a bounded set (lib/metrics/route-label.ts), never a raw path.
import { metrics } from "./registry";

export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { route, method, status: String(status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}
