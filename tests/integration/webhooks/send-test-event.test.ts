import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import { systemAudit } from "../../../lib/audit/request-audit";
import { insertConnection } from "../../../lib/connections/create-connection";
import { loadWebhookSettings } from "../../../lib/connections/load-webhook-settings";
import { sendTestEvent } from "../../../lib/webhooks/send-test-event";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { resetDatabase, testDb } from "../../helpers/db";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";

const admin: Actor = { type: "user", userId: "u-admin", email: "admin@example.test", name: "Admin", role: "admin" };
let served: ServedHandlers;

beforeAll(async () => {
  await resetDatabase();
  served = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
});
afterAll(() => served?.close());

const connection = (name: string, webhook: Parameters<typeof insertConnection>[0]["webhook"]) =>
  insertConnection({ name, baseUrl: "http://127.0.0.1:9", token: "kpt_test_token_0000000001", webhook }, systemAudit());

describe("send test event", () => {
  for (const [mode, webhook] of [
    ["hmac", { mode: "hmac" as const, secret: "whsec_test_event_0001" }],
    ["basic", { mode: "basic" as const, username: "klink", password: "hook-password-01" }],
    ["header", { mode: "header" as const, headerName: "X-Hook-Key", headerValue: "hook-key-0001" }],
  ] as const) {
    it(`posts a sample the console's own endpoint accepts, for a connection in ${mode} mode, and audits it`, async () => {
      const { id } = await connection(`Test event ${mode}`, webhook);
      const result = await sendTestEvent(admin, id, systemAudit(), {
        publicOrigin: served.url,
        loadSettings: loadWebhookSettings,
      });
      expect(result).toMatchObject({
        result: "accepted",
        status: 200,
        endpointUrl: `${served.url}/api/webhooks/klink/${id}`,
        deliveryId: expect.any(String),
      });
      await webhookProcessor().idle();
      expect(await testDb().webhookDelivery.findUnique({ where: { id: result.deliveryId } })).toMatchObject({
        connectionId: id,
        eventType: "webhook.test",
        verification: "verified",
        status: "processed",
      });
      expect(
        await testDb().auditLog.findFirst({ where: { action: "connection.webhook_test", targetId: id } }),
      ).toMatchObject({ outcome: "success" });
    });
  }

  it("reports an endpoint that cannot be reached", async () => {
    const { id } = await connection("Test event unreachable", { mode: "hmac", secret: "whsec_test_event_0002" });
    const result = await sendTestEvent(admin, id, systemAudit(), {
      publicOrigin: "http://127.0.0.1:9",
      loadSettings: loadWebhookSettings,
      timeoutMs: 2000,
    });
    expect(result).toMatchObject({ result: "unreachable", endpointUrl: `http://127.0.0.1:9/api/webhooks/klink/${id}` });
  });

  it("is for admins only, in the data layer", async () => {
    await expect(
      sendTestEvent({ ...admin, role: "agent" }, "x", systemAudit(), {
        publicOrigin: served.url,
        loadSettings: loadWebhookSettings,
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
