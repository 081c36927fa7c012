import "server-only";
// Who may read /api/metrics: a caller presenting METRICS_TOKEN as a Bearer token. The
// comparison is constant-time over SHA-256 digests, so neither content nor length leaks.
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../http/errors";
import { env } from "../env";

export function hasMetricsToken(req: Request): boolean {
  const expected = env().METRICS_TOKEN;
  const presented = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim();
  if (!expected || !presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

export function assertMetricsAccess(req: Request): void {
  if (!hasMetricsToken(req)) {
    throw new ApiError(401, "unauthorized", "Send METRICS_TOKEN as a Bearer token.", { headers: { "www-authenticate": "Bearer" } });
  }
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
