import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { signBody, verifyDelivery } from "../../../lib/webhooks/verify-delivery";
import { unauthenticatedAllowed } from "../../../lib/webhooks/unauthenticated-policy";
import { parseEnv } from "../../../lib/env";
import type { WebhookSettings } from "../../../lib/connections/webhook-settings";

const body = Buffer.from('{"event":"ticket.update","timestamp":"2026-01-09T03:42:38.000000Z","data":{"id":"t1"}}');
const hmac = (secret: string, raw: Buffer | string = body) => createHmac("sha256", secret).update(raw).digest("hex");
const headers = (h: Record<string, string>) => new Headers(h);
const allow = { allowUnauthenticated: false };
const hmacSettings = (secrets: string[]): WebhookSettings => ({ connectionId: "c1", mode: "hmac", secrets });

describe("HMAC verification", () => {
  it("signs the exact bytes like node:crypto does", () => {
    expect(signBody("s3cret", body)).toBe(hmac("s3cret"));
  });

  it("verifies a delivery signed with the connection's secret in x-signature", () => {
    expect(verifyDelivery(hmacSettings(["s3cret"]), headers({ "x-signature": hmac("s3cret") }), body, allow)).toBe(
      "verified",
    );
  });

  it("rejects a signature made with another secret", () => {
    expect(verifyDelivery(hmacSettings(["s3cret"]), headers({ "x-signature": hmac("other") }), body, allow)).toBe(
      "invalid_signature",
    );
  });

  it("rejects a body changed after signing, even by one byte", () => {
    const tampered = Buffer.from(body.toString().replace('"t1"', '"t2"'));
    expect(verifyDelivery(hmacSettings(["s3cret"]), headers({ "x-signature": hmac("s3cret") }), tampered, allow)).toBe(
      "invalid_signature",
    );
  });

  it("does not accept a signature of the re-serialised JSON instead of the raw bytes", () => {
    const spaced = Buffer.from('{ "event": "ticket.update", "data": { "id": "t1" } }');
    const reserialised = JSON.stringify(JSON.parse(spaced.toString()));
    expect(
      verifyDelivery(hmacSettings(["s3cret"]), headers({ "x-signature": hmac("s3cret", reserialised) }), spaced, allow),
    ).toBe("invalid_signature");
  });

  it("accepts the signature in Authorization, bare or as sha256=<hex>, in any case", () => {
    const settings = hmacSettings(["s3cret"]);
    expect(verifyDelivery(settings, headers({ authorization: hmac("s3cret") }), body, allow)).toBe("verified");
    expect(verifyDelivery(settings, headers({ authorization: `sha256=${hmac("s3cret")}` }), body, allow)).toBe(
      "verified",
    );
    expect(
      verifyDelivery(settings, headers({ "x-signature": `SHA256=${hmac("s3cret").toUpperCase()}` }), body, allow),
    ).toBe("verified");
  });

  it("accepts the previous secret during a rotation, and no other", () => {
    const settings = hmacSettings(["new-secret", "old-secret"]);
    expect(verifyDelivery(settings, headers({ "x-signature": hmac("new-secret") }), body, allow)).toBe("verified");
    expect(verifyDelivery(settings, headers({ "x-signature": hmac("old-secret") }), body, allow)).toBe("verified");
    expect(verifyDelivery(settings, headers({ "x-signature": hmac("older-secret") }), body, allow)).toBe(
      "invalid_signature",
    );
  });

  it("calls an unsigned delivery unauthenticated, and never verifies with no secret configured", () => {
    expect(verifyDelivery(hmacSettings(["s3cret"]), headers({}), body, allow)).toBe("unauthenticated");
    expect(verifyDelivery(hmacSettings([""]), headers({ "x-signature": hmac("") }), body, allow)).toBe(
      "invalid_signature",
    );
  });
});

describe("Basic and custom-header verification", () => {
  const basic: WebhookSettings = {
    connectionId: "c1",
    mode: "basic",
    secrets: [],
    username: "klink",
    password: "pa:ss word",
  };
  const basicHeader = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

  it("verifies matching Basic credentials, including a password with a colon", () => {
    expect(verifyDelivery(basic, headers({ authorization: basicHeader("klink", "pa:ss word") }), body, allow)).toBe(
      "verified",
    );
  });

  it("rejects a wrong password, a wrong user, another scheme and a missing header", () => {
    expect(verifyDelivery(basic, headers({ authorization: basicHeader("klink", "nope") }), body, allow)).toBe(
      "unauthenticated",
    );
    expect(verifyDelivery(basic, headers({ authorization: basicHeader("other", "pa:ss word") }), body, allow)).toBe(
      "unauthenticated",
    );
    expect(verifyDelivery(basic, headers({ authorization: "Bearer abc" }), body, allow)).toBe("unauthenticated");
    expect(verifyDelivery(basic, headers({}), body, allow)).toBe("unauthenticated");
  });

  const custom: WebhookSettings = {
    connectionId: "c1",
    mode: "header",
    secrets: [],
    headerName: "X-Klink-Token",
    headerValue: "tok-123",
  };

  it("verifies the configured custom header, whatever the case of its name", () => {
    expect(verifyDelivery(custom, headers({ "x-klink-token": "tok-123" }), body, allow)).toBe("verified");
  });

  it("rejects a wrong or missing custom header value", () => {
    expect(verifyDelivery(custom, headers({ "x-klink-token": "tok-124" }), body, allow)).toBe("unauthenticated");
    expect(verifyDelivery(custom, headers({ "x-other": "tok-123" }), body, allow)).toBe("unauthenticated");
  });
});

describe("mode none", () => {
  const none: WebhookSettings = { connectionId: "c1", mode: "none", secrets: [] };

  it("accepts anything only when unauthenticated deliveries are allowed", () => {
    expect(verifyDelivery(none, headers({}), body, { allowUnauthenticated: true })).toBe("verified");
    expect(verifyDelivery(none, headers({}), body, { allowUnauthenticated: false })).toBe("unauthenticated");
  });

  it("is refused in production unless WEBHOOK_ALLOW_UNAUTHENTICATED is set, allowed in development and demo", () => {
    const production = {
      NODE_ENV: "production",
      NEXTAUTH_URL: "https://c.example",
      NEXTAUTH_SECRET: "x".repeat(32),
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    };
    expect(unauthenticatedAllowed(parseEnv(production))).toBe(false);
    expect(unauthenticatedAllowed(parseEnv({ ...production, WEBHOOK_ALLOW_UNAUTHENTICATED: "true" }))).toBe(true);
    expect(unauthenticatedAllowed(parseEnv({ ...production, DEMO_MODE: "true" }))).toBe(true);
    expect(unauthenticatedAllowed(parseEnv({ ...production, NODE_ENV: "development" }))).toBe(true);
  });
});
