import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  apiAnswerHeaders,
  apiPolicy,
  everyAnswerHeaders,
  inlineStyleHashes,
  pagePolicy,
} from "../../../lib/http/security-headers";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("security headers", () => {
  it("gives a page a policy whose scripts need this request's nonce, never inline or eval", () => {
    const policy = directives(pagePolicy("bm9uY2U=", { publicUrl: "http://localhost:3000" }));
    expect(policy["script-src"]).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy["style-src"]).toBe("'self' 'nonce-bm9uY2U='");
    expect(policy["frame-ancestors"]).toBe("'none'");
    expect(policy["object-src"]).toBe("'none'");
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("adds what next dev needs only in development", () => {
    const policy = directives(pagePolicy("n", { publicUrl: "http://localhost:3000", dev: true }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("sends HSTS and upgrades insecure requests only when the console's URL is https", () => {
    expect(everyAnswerHeaders("http://localhost:3000")).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    });
    expect(everyAnswerHeaders("https://console.example.com")["strict-transport-security"]).toBe("max-age=31536000");
    expect(pagePolicy("n", { publicUrl: "https://console.example.com" })).toContain("upgrade-insecure-requests");
  });

  it("gives API answers a policy that allows nothing, not even framing", () => {
    expect(apiAnswerHeaders("http://localhost:3000")["content-security-policy"]).toBe(
      "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it("allows an HTML answer's own inline styles by their hash", () => {
    const css = ":root{--x:1}";
    const hash = createHash("sha256").update(css).digest("base64");
    const html = `<html><head><style>${css}</style></head><body><p style="color:red">x</p></body></html>`;
    expect(inlineStyleHashes(html)).toEqual([`sha256-${hash}`]);
    expect(apiPolicy(inlineStyleHashes(html))).toContain(`style-src 'sha256-${hash}'`);
  });
});
