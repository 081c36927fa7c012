import "server-only";
// Serves /api/auth/* with next-auth 4 from a plain Request. next-auth's App Router handler reads
// next/headers, which exists only inside a Next.js request; its request/response form (the
// pages-API signature) takes plain objects, so the same code runs under `next start` and when
// tests call the route handler directly.
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "./auth-options";
import type { RequestInfo } from "../audit/request-audit";
import { parseCookieHeader } from "./session-token";
import { loginRateLimitAnswer } from "./login-rate-limit";
import { authBodyLimitBytes, readBodyText } from "../http/read-body";
import { apiPolicy, CONTENT_SECURITY_POLICY, inlineStyleHashes } from "../http/security-headers";

async function readBody(req: Request): Promise<Record<string, unknown> | undefined> {
  if (req.method !== "POST") return undefined;
  const type = req.headers.get("content-type") ?? "";
  // Read before next-auth checks anything, and by anyone: bounded as bytes arrive (413 beyond).
  const text = await readBodyText(req, authBodyLimitBytes(), "auth");
  if (type.includes("application/json")) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Collects what next-auth writes to a pages-API response. */
class CollectedResponse {
  statusCode = 200;
  private headers = new Map<string, string | string[]>();
  private body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  send(body: unknown) {
    this.body = typeof body === "string" ? body : JSON.stringify(body);
    return this;
  }
  json(body: unknown) {
    this.setHeader("content-type", "application/json");
    return this.send(body);
  }
  end() {
    return this;
  }
  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    headers.set("cache-control", "no-store");
    // next-auth's own pages (only sign-out is not replaced by the console's) carry an inline style.
    if (this.body && headers.get("content-type")?.startsWith("text/html"))
      headers.set(CONTENT_SECURITY_POLICY, apiPolicy(inlineStyleHashes(this.body)));
    return new Response(this.body, { status: this.statusCode, headers });
  }
}

export async function handleAuthRequest(req: Request, segments: string[], info: RequestInfo): Promise<Response> {
  const url = new URL(req.url);
  if (req.method === "POST" && segments.join("/") === "callback/credentials") {
    const refused = await loginRateLimitAnswer(info.ip, info.requestId ?? "");
    if (refused) {
      await req.body?.cancel().catch(() => undefined);
      return refused;
    }
  }
  const apiReq = {
    method: req.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
    body: await readBody(req),
    headers: Object.fromEntries(req.headers),
    cookies: parseCookieHeader(req.headers.get("cookie")),
  };
  const res = new CollectedResponse();
  await NextAuth(apiReq as unknown as NextApiRequest, res as unknown as NextApiResponse, authOptions(info));
  return res.toResponse();
}
