// Request count and latency by route, method and status, for every handler of lib/http/route.ts.
import { metrics } from "./registry";
import { routeLabel } from "./route-label";

export function observeHttpRequest(method: string, pathname: string, status: number, seconds: number): void {
  const labels = { route: routeLabel(pathname), method, status: String(status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}
