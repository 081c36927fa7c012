// CSRF defence for cookie-authenticated writes: the browser's Origin (else Referer) must be the
// console itself. next-auth only protects its own endpoints. A request with neither header is
// refused too: every browser sends Origin on a cross-site POST/PUT/PATCH/DELETE, and scripts
// authenticate with API keys, which are exempt.
export const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function originOf(url: string | null): string | undefined {
  if (!url || url === "null") return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function isSameOrigin(req: { url: string; headers: Pick<Headers, "get"> }, publicUrl: string): boolean {
  const source = originOf(req.headers.get("origin")) ?? originOf(req.headers.get("referer"));
  if (!source) return false;
  return source === originOf(publicUrl) || source === new URL(req.url).origin;
}
