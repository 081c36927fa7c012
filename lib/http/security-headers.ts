// The headers that tell browsers how to treat the console's answers, in one place: proxy.ts gives
// pages theirs (with a fresh nonce per request), the route wrapper gives API answers theirs, and
// the console's own server (scripts/serve.mjs) puts the ones every answer carries on whatever it
// serves, its front door's answers and Next.js's static files included. Safe to import anywhere.
import { createHash } from "node:crypto";

export const CONTENT_SECURITY_POLICY = "content-security-policy";

/** One year; no includeSubDomains: other hosts of the organisation's domain may still speak http. */
const HSTS = "max-age=31536000";

/** Carried by every answer, whatever made it. */
export function everyAnswerHeaders(publicUrl: string): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    ...(publicUrl.startsWith("https://") ? { "strict-transport-security": HSTS } : {}),
  };
}

const policy = (directives: (string | false)[]) => directives.filter(Boolean).join("; ");

/**
 * A page's policy. Scripts run only with this request's nonce (Next.js puts it on its own scripts
 * when it finds it in the request's policy) and what they load ('strict-dynamic'). Styles come
 * from the console's stylesheets or carry the nonce; style attributes are allowed, as React and
 * recharts set them (they cannot run script, and images and fonts come only from the console).
 * Development adds what `next dev` needs ('unsafe-eval' for React's error overlays, its own
 * unnonced style elements).
 */
export function pagePolicy(nonce: string, { publicUrl, dev = false }: { publicUrl: string; dev?: boolean }): string {
  return policy([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    publicUrl.startsWith("https://") && "upgrade-insecure-requests",
  ]);
}

/**
 * An API answer's policy: JSON, CSV and event streams need nothing. An HTML answer of an API (only
 * next-auth's own sign-out page) may name the inline styles it carries, by hash.
 */
export function apiPolicy(styleHashes: string[] = []): string {
  return policy([
    "default-src 'none'",
    styleHashes.length > 0 && `style-src ${styleHashes.map((hash) => `'${hash}'`).join(" ")}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ]);
}

export function apiAnswerHeaders(publicUrl: string): Record<string, string> {
  return { ...everyAnswerHeaders(publicUrl), [CONTENT_SECURITY_POLICY]: apiPolicy() };
}

/** The CSP source of each inline <style> element of an HTML document (sha256). */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}`,
  );
}
