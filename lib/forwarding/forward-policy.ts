import "server-only";
// The SSRF policy of forwarding: loopback receivers only with FORWARD_ALLOW_HTTP_LOOPBACK=true or
// in demo mode; private, link-local and metadata addresses never.
import { env, type Env } from "../env";
import type { SsrfPolicy } from "../http/ssrf-guard";

export function forwardPolicy(config: Pick<Env, "FORWARD_ALLOW_HTTP_LOOPBACK" | "DEMO_MODE"> = env()): SsrfPolicy {
  return { allowLoopback: config.FORWARD_ALLOW_HTTP_LOOPBACK || config.DEMO_MODE };
}
