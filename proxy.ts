// Runs before every page request (not /api: route handlers do the same in lib/doors/route.ts).
// - x-klink-path: which path was requested, so the page guard can send a signed-out visitor to
//   /login?callbackUrl=<that path>.
// - x-request-id: one id per request (a well-formed incoming one is kept), on the request the
//   page renders with (lib/log/incoming-request-id.ts: its log lines and the ids its error
//   messages show) and on the response, so a user's screenshot and the logs can be matched.
// No authorization happens here: every page, route handler and server action checks for itself
// (a proxy alone can be bypassed, CVE-2025-29927).
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "./lib/auth/callback-url";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/log/request-context";

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
