import "server-only";
// Decides whether a delivery really comes from K-LINK, according to the connection's webhook
// settings. Pure and synchronous: no I/O, every secret compared in constant time.
import { createHmac } from "node:crypto";
import { constantTimeEqual } from "./constant-time";
import type { WebhookSettings } from "../connections/webhook-settings";

export type Verification = "verified" | "invalid_signature" | "unauthenticated";

export type VerifyOptions = {
  /** Whether a connection in mode "none" may receive deliveries (see unauthenticatedAllowed). */
  allowUnauthenticated: boolean;
};

type HeaderSource = { get(name: string): string | null };

/** hex HMAC-SHA256 of the exact bytes received: the K-LINK signature scheme. */
export function signBody(secret: string, rawBody: Buffer | string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

export function verifyDelivery(
  settings: WebhookSettings,
  headers: HeaderSource,
  rawBody: Buffer,
  options: VerifyOptions,
): Verification {
  switch (settings.mode) {
    case "hmac":
      return verifySignature(settings.secrets, headers, rawBody);
    case "basic":
      return verifyBasic(settings, headers.get("authorization"));
    case "header":
      return verifyCustomHeader(settings, headers);
    case "none":
      return options.allowUnauthenticated ? "verified" : "unauthenticated";
  }
}

// K-LINK's manual shows the signature in x-signature; an older page says it travels in the
// Authorization header. Both are accepted, bare or as "sha256=<hex>", upper or lower case.
function signatureCandidates(headers: HeaderSource): string[] {
  const candidates: string[] = [];
  for (const name of ["x-signature", "authorization"]) {
    const value = headers.get(name)?.trim();
    if (!value) continue;
    candidates.push(value.replace(/^sha256=/i, "").toLowerCase());
  }
  return candidates;
}

function verifySignature(secrets: string[], headers: HeaderSource, rawBody: Buffer): Verification {
  const candidates = signatureCandidates(headers);
  if (candidates.length === 0) return "unauthenticated";
  const usable = secrets.filter(Boolean);
  let matched = false;
  // Every secret is tried against every candidate (no early exit), so the time taken does not
  // tell which secret, if any, matched.
  for (const secret of usable) {
    const expected = signBody(secret, rawBody);
    for (const candidate of candidates) matched = constantTimeEqual(candidate, expected) || matched;
  }
  return matched ? "verified" : "invalid_signature";
}

function verifyBasic(settings: WebhookSettings, authorization: string | null): Verification {
  const match = /^basic\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match || settings.username === undefined || settings.password === undefined) return "unauthenticated";
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  return constantTimeEqual(decoded, `${settings.username}:${settings.password}`) ? "verified" : "unauthenticated";
}

function verifyCustomHeader(settings: WebhookSettings, headers: HeaderSource): Verification {
  if (!settings.headerName || settings.headerValue === undefined) return "unauthenticated";
  const value = headers.get(settings.headerName);
  if (value === null) return "unauthenticated";
  return constantTimeEqual(value, settings.headerValue) ? "verified" : "unauthenticated";
}
