import "server-only";
// Where a connection may send its token. Outbound hosts are limited to KLINK_ALLOWED_HOSTS over
// https, so a connection cannot be turned against internal services. The one exception is a
// loopback address (a local K-LINK simulator), allowed over http or https when
// KLINK_ALLOW_HTTP_LOOPBACK=true, in demo mode, and outside production (development, tests).
import { isIP } from "node:net";
import { env, type Env } from "../env";

export const DEFAULT_KLINK_BASE_URL = "https://apigw.klinkcx.com";

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

export function loopbackAllowed(
  config: Pick<Env, "KLINK_ALLOW_HTTP_LOOPBACK" | "DEMO_MODE" | "NODE_ENV"> = env(),
): boolean {
  return config.KLINK_ALLOW_HTTP_LOOPBACK || config.DEMO_MODE || config.NODE_ENV !== "production";
}

/** The normalised base URL (no trailing slash), or a message saying what is wrong with it. */
export function checkBaseUrl(
  raw: string,
  config: Pick<Env, "KLINK_ALLOWED_HOSTS" | "KLINK_ALLOW_HTTP_LOOPBACK" | "DEMO_MODE" | "NODE_ENV"> = env(),
): { ok: true; baseUrl: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "must be a URL such as https://apigw.klinkcx.com" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "must start with https://" };
  if (url.username || url.password) return { ok: false, message: "must not contain a user name or password" };
  if (url.search || url.hash) return { ok: false, message: "must not contain a query or fragment" };
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  if (isLoopbackHost(url.hostname)) {
    return loopbackAllowed(config)
      ? { ok: true, baseUrl }
      : { ok: false, message: "may point at a loopback address only when KLINK_ALLOW_HTTP_LOOPBACK=true" };
  }
  if (url.protocol !== "https:") return { ok: false, message: "must use https://" };
  if (url.port) return { ok: false, message: "must use the standard https port" };
  if (!config.KLINK_ALLOWED_HOSTS.includes(url.hostname.toLowerCase())) {
    return { ok: false, message: `host must be one of ${config.KLINK_ALLOWED_HOSTS.join(", ")} (KLINK_ALLOWED_HOSTS)` };
  }
  return { ok: true, baseUrl };
}
