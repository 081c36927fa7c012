import "server-only";
// Mode "none" accepts anyone who knows the URL. It is refused in production unless the operator
// opts in with WEBHOOK_ALLOW_UNAUTHENTICATED=true; development, test and demo runs allow it, so a
// local K-LINK tenant or a curl can be tried without setting up a secret first.
import { isProductionStrict, type Env } from "../env";

export function unauthenticatedAllowed(e: Env): boolean {
  return e.WEBHOOK_ALLOW_UNAUTHENTICATED || !isProductionStrict(e);
}
