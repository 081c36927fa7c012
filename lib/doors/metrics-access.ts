import "server-only";
// Who may read /api/metrics: a scraper presenting METRICS_TOKEN as a Bearer token (compared in
// constant time over SHA-256 digests, so neither content nor length leaks), or an admin signed
// in with a session or a personal API key.
import { createHash, timingSafeEqual } from "node:crypto";
import { authenticateRequest } from "./authenticate-request";
import { roleAtLeast } from "../identity/roles";
import { ApiError, forbidden } from "../errors/api-error";
import { env } from "../env";

export function hasMetricsToken(req: Request): boolean {
  const expected = env().METRICS_TOKEN;
  const presented = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim();
  if (!expected || !presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

export async function assertMetricsAccess(req: Request): Promise<void> {
  if (hasMetricsToken(req)) return;
  const authentication = await authenticateRequest(req).catch(() => null);
  if (!authentication) {
    throw new ApiError("unauthorized", "Send METRICS_TOKEN as a Bearer token, or sign in as an admin.", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  if (!roleAtLeast(authentication.actor.role, "admin")) throw forbidden("Metrics are for admins.");
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
