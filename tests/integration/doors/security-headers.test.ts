// The security headers on what the route handlers and proxy.ts answer, called as Next.js calls
// them. The browser journeys check the same on the built console, pages and the front door included.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "../../../proxy";
import { GET as health } from "../../../app/api/health/route";
import { GET as unknownApi } from "../../../app/api/[...unknown]/route";
import { GET as listKeys } from "../../../app/api/keys/route";
import { GET as nextAuth } from "../../../app/api/auth/[...nextauth]/route";
import { resetEnvCache } from "../../../lib/env";
import { jsonRequest } from "../../helpers/auth";

afterEach(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  resetEnvCache();
});

const API_POLICY = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

describe("security headers", () => {
  it("on every API answer: success, 401 and 404 alike", async () => {
    const answers = [
      await health(jsonRequest("/api/health")),
      await listKeys(jsonRequest("/api/keys")),
      await unknownApi(jsonRequest("/api/no/such/thing"), {
        params: Promise.resolve({ unknown: ["no", "such", "thing"] }),
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404]);
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toBe(API_POLICY);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("same-origin");
      expect(answer.headers.get("strict-transport-security")).toBeNull();
    }
    expect(await answers[2].json()).toMatchObject({ code: "not_found" });
  });

  it("with HSTS when NEXTAUTH_URL is https", async () => {
    process.env.NEXTAUTH_URL = "https://console.example.com";
    resetEnvCache();
    const answer = await health(new Request("https://console.example.com/api/health"));
    expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const page = proxy(new NextRequest("https://console.example.com/tickets"));
    expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("on next-auth's own sign-out page, whose inline style is allowed by its hash and nothing else", async () => {
    const answer = await nextAuth(jsonRequest("/api/auth/signout"), {
      params: Promise.resolve({ nextauth: ["signout"] }),
    });
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = answer.headers.get("content-security-policy")!;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; form-action 'self'/);
    expect(await answer.text()).toContain("<style>");
  });

  it("on pages: a policy with a nonce of its own for each request, handed to Next.js with the request", () => {
    const first = proxy(new NextRequest("http://localhost:3000/tickets?status=open"));
    const second = proxy(new NextRequest("http://localhost:3000/tickets?status=open"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)![1];
    expect(Buffer.from(nonce, "base64").length).toBeGreaterThanOrEqual(16);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next.js reads the nonce from the request's copy of the policy.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
  });
});
