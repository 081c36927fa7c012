// Tells pages which path was requested (x-klink-path), so the page guard can send a signed-out
// visitor to /login?callbackUrl=<that path>. No authorization happens here: every page, route
// handler and server action checks for itself (a proxy alone can be bypassed, CVE-2025-29927).
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "./lib/auth/callback-url";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
