// Where to go after signing in. Only paths on the console itself are honoured, so a crafted
// link cannot turn the login page into an open redirect. Safe to import anywhere.
const FALLBACK = "/";

/** Set by proxy.ts on page requests: the path and query that were asked for. */
export const PATH_HEADER = "x-klink-path";

export function safeCallbackPath(value: unknown, publicUrl?: string): string {
  if (typeof value !== "string" || !value) return FALLBACK;
  // next-auth hands absolute URLs of the console itself; keep only their path.
  if (publicUrl && /^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.origin === new URL(publicUrl).origin
        ? safeCallbackPath(url.pathname + url.search + url.hash)
        : FALLBACK;
    } catch {
      return FALLBACK;
    }
  }
  // "//host" and "/\host" are protocol-relative to browsers; control characters can smuggle either.
  if (
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\") ||
    /[\u0000-\u001f\u007f]/.test(value)
  )
    return FALLBACK;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/auth")) return FALLBACK;
  return value;
}
