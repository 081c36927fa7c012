import "server-only";
// "Send test event" on a connection: the console posts a correctly signed sample delivery to its
// own public webhook URL — the URL to enter in K-LINK — exactly as K-LINK would, so the whole
// path (reachability, verification, storage, processing) is checked. The sample's event type,
// webhook.test, has no effects; it shows up in the history like any delivery.
import { randomUUID } from "node:crypto";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { notFound } from "../errors/api-error";
import { signBody } from "./verify-delivery";
import type { WebhookSettings } from "../connections/webhook-settings";
import { uriComponent } from "../http/uri-component";

export type TestEventResult = {
  result: "accepted" | "rejected" | "unreachable";
  endpointUrl: string;
  status?: number;
  deliveryId?: string;
  latencyMs: number;
};

export type TestEventOptions = {
  /** The console's public origin (NEXTAUTH_URL). */
  publicOrigin: string;
  loadSettings: (connectionId: string) => Promise<WebhookSettings | null>;
  timeoutMs?: number;
};

export function webhookEndpointUrl(publicOrigin: string, connectionId: string): string {
  return new URL(`/api/webhooks/klink/${uriComponent(connectionId)}`, publicOrigin).toString();
}

export async function sendTestEvent(
  actor: Actor,
  connectionId: string,
  audit: Audit,
  options: TestEventOptions,
): Promise<TestEventResult> {
  assertRole(actor, "admin");
  const settings = await options.loadSettings(connectionId);
  if (!settings) throw notFound("No K-LINK connection has this id.");
  const body = JSON.stringify({
    event: "webhook.test",
    timestamp: new Date().toISOString().replace("Z", "000Z"),
    data: { id: randomUUID(), message: "Test event sent from Klink Console" },
  });
  const endpointUrl = webhookEndpointUrl(options.publicOrigin, connectionId);
  const started = performance.now();
  let result: TestEventResult;
  try {
    const res = await fetch(endpointUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...credentialHeaders(settings, body) },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "manual",
    });
    const answer = (await res.json().catch(() => ({}))) as { id?: unknown };
    const deliveryId =
      typeof answer.id === "string" ? answer.id : (res.headers.get("x-webhook-delivery-id") ?? undefined);
    result = {
      result: res.status === 200 ? "accepted" : "rejected",
      endpointUrl,
      status: res.status,
      deliveryId,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch {
    result = { result: "unreachable", endpointUrl, latencyMs: Math.round(performance.now() - started) };
  }
  await audit({
    action: "connection.webhook_test",
    outcome: result.result === "accepted" ? "success" : "failure",
    target: { type: "connection", id: connectionId },
    connectionId,
    details: { ...result },
  });
  return result;
}

/** The credentials K-LINK would send in this connection's mode. */
function credentialHeaders(settings: WebhookSettings, body: string): Record<string, string> {
  switch (settings.mode) {
    case "hmac":
      return settings.secrets[0] ? { "x-signature": signBody(settings.secrets[0], body) } : {};
    case "basic":
      return {
        authorization: `Basic ${Buffer.from(`${settings.username ?? ""}:${settings.password ?? ""}`).toString("base64")}`,
      };
    case "header":
      return settings.headerName && settings.headerValue !== undefined
        ? { [settings.headerName]: settings.headerValue }
        : {};
    case "none":
      return {};
  }
}
