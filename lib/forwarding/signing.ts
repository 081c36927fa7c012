// Standard Webhooks signatures (standardwebhooks.com): the secret is "whsec_" + base64 key bytes,
// and each signature is "v1," + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")). During a
// secret rotation every valid secret signs, and the signatures are sent space-separated.
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

export function signatureOf(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

export function signedHeaders(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": secrets.map((secret) => signatureOf(secret, id, timestampSeconds, body)).join(" "),
  };
}

/** The last 4 characters shown as a hint ("whsec_…abcd"). */
export function secretHint(secret: string): string {
  return `${PREFIX}…${secret.slice(-4)}`;
}
