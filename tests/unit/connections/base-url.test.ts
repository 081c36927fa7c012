import { describe, expect, it } from "vitest";
import { checkBaseUrl, isLoopbackHost } from "../../../lib/connections/base-url";
import { DEFAULT_KLINK_HOSTS } from "../../../lib/env";

const production = {
  KLINK_ALLOWED_HOSTS: DEFAULT_KLINK_HOSTS,
  KLINK_ALLOW_HTTP_LOOPBACK: false,
  DEMO_MODE: false,
  NODE_ENV: "production" as const,
};

describe("connection base URL rules", () => {
  it("accepts the documented hosts over https and normalises the trailing slash", () => {
    expect(checkBaseUrl("https://apigw.klinkcx.com/", production)).toEqual({
      ok: true,
      baseUrl: "https://apigw.klinkcx.com",
    });
    expect(checkBaseUrl("https://UAT-API.klink.cloud", production)).toEqual({
      ok: true,
      baseUrl: "https://uat-api.klink.cloud",
    });
  });

  it("refuses in production a loopback simulator unless KLINK_ALLOW_HTTP_LOOPBACK=true", () => {
    expect(checkBaseUrl("http://127.0.0.1:4010", production)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/KLINK_ALLOW_HTTP_LOOPBACK/),
    });
    expect(checkBaseUrl("http://127.0.0.1:4010", { ...production, KLINK_ALLOW_HTTP_LOOPBACK: true })).toEqual({
      ok: true,
      baseUrl: "http://127.0.0.1:4010",
    });
    expect(checkBaseUrl("http://localhost:4010", { ...production, DEMO_MODE: true }).ok).toBe(true);
    expect(checkBaseUrl("http://[::1]:4010", { ...production, NODE_ENV: "development" }).ok).toBe(true);
  });

  it("never lets the loopback exception reach other hosts or plain http elsewhere", () => {
    const lenient = { ...production, KLINK_ALLOW_HTTP_LOOPBACK: true };
    for (const url of [
      "http://apigw.klinkcx.com",
      "https://169.254.169.254",
      "https://10.0.0.1",
      "https://apigw.klinkcx.com.evil.example",
      "https://apigw.klinkcx.com:8443",
      "ftp://apigw.klinkcx.com",
    ]) {
      expect(checkBaseUrl(url, lenient).ok, url).toBe(false);
    }
  });

  it("follows KLINK_ALLOWED_HOSTS", () => {
    expect(
      checkBaseUrl("https://klink.internal.example", { ...production, KLINK_ALLOWED_HOSTS: ["klink.internal.example"] })
        .ok,
    ).toBe(true);
    expect(
      checkBaseUrl("https://apigw.klinkcx.com", { ...production, KLINK_ALLOWED_HOSTS: ["klink.internal.example"] }).ok,
    ).toBe(false);
  });

  it("recognises loopback addresses only", () => {
    expect(["localhost", "127.0.0.1", "127.8.9.10", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["127.0.0.1.nip.io", "0.0.0.0", "10.0.0.1", "localhost.example"].some(isLoopbackHost)).toBe(false);
  });
});
