// The console server's own handler of POST /api/webhooks/klink/{connectionId}: what it leaves to
// Next.js, and what it puts around each delivery like the route wrapper does (request id,
// metrics, nothing stored for a body that never arrived). Its answers to deliveries are tested
// with the route handler's in webhook-endpoint.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "node:net";
import { metrics } from "../../../lib/metrics/registry";
import { WEBHOOK_ROUTE } from "../../../lib/doors/webhook-front-door";
import { resetDatabase, testDb } from "../../helpers/db";
import { closeServedEndpoints, envelope, hmacSettings, makeServedEndpoint, sign } from "../../helpers/webhook-kit";

const CONN = "conn-front-door";
const settings = { [CONN]: hmacSettings(CONN) };

beforeEach(resetDatabase);
afterEach(closeServedEndpoints);

describe("the console server's webhook front door", () => {
  it("leaves everything but a POST to one delivery path to Next.js", async () => {
    const { url } = await makeServedEndpoint({ settings }).served;
    const body = envelope();
    const signed = { method: "POST", body, headers: { "x-signature": sign(body) } };
    // The test server answers 404 for whatever the front door passes on.
    expect((await fetch(`${url}/api/webhooks/klink/${CONN}`, { method: "GET" })).status).toBe(404);
    expect((await fetch(`${url}/api/webhooks/klink/${CONN}`, { method: "PUT", body })).status).toBe(404);
    expect((await fetch(`${url}/api/webhooks/klink/${CONN}/extra`, signed)).status).toBe(404);
    expect((await fetch(`${url}/api/webhooks/klink/`, signed)).status).toBe(404);
    expect((await fetch(`${url}/api/webhooks/klinkx/${CONN}`, signed)).status).toBe(404);
    expect(await testDb().webhookDelivery.count()).toBe(0);
    // A query string does not change the path (as for the route handler).
    const taken = await fetch(`${url}/api/webhooks/klink/${CONN}?source=klink`, signed);
    expect(taken.status).toBe(200);
    expect(await testDb().webhookDelivery.count()).toBe(1);
    // A malformed escape names no connection: taken and stored as for an unknown one, where
    // Next.js would answer 500.
    const malformed = await fetch(`${url}/api/webhooks/klink/%E0%A4%A`, signed);
    expect(malformed.status).toBe(404);
    expect(
      await testDb().webhookDelivery.findFirst({
        where: { connectionId: "%E0%A4%A", verification: "unknown_connection" },
      }),
    ).not.toBeNull();
  });

  it("answers with the request id (a well-formed incoming one is kept) and counts the request under the route's template", async () => {
    const { url } = await makeServedEndpoint({ settings }).served;
    const before = await countOf(200);
    const body = envelope();
    const res = await fetch(`${url}/api/webhooks/klink/${CONN}`, {
      method: "POST",
      body,
      headers: { "x-signature": sign(body), "x-request-id": "req-from-proxy-0001" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-from-proxy-0001");
    expect(res.headers.get("content-type")).toBe("application/json");
    const refused = await fetch(`${url}/api/webhooks/klink/${CONN}`, {
      method: "POST",
      body: envelope(),
      headers: { "x-request-id": "bad id with spaces" },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await refused.json()).requestId).toBe(refused.headers.get("x-request-id"));
    expect(await countOf(200)).toBe(before + 1);
  });

  it("stores nothing and acknowledges nothing when the sender goes away before the body is complete", async () => {
    const { url } = await makeServedEndpoint({ settings }).served;
    const body = envelope();
    const { port } = new URL(url);
    const before = await countOf(400);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        const head = [
          `POST /api/webhooks/klink/${CONN} HTTP/1.1`,
          "Host: localhost",
          "Content-Type: application/json",
          `X-Signature: ${sign(body)}`,
          `Content-Length: ${body.length}`,
        ];
        socket.write(`${head.join("\r\n")}\r\n\r\n${body.slice(0, 10)}`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on("error", reject);
      socket.on("close", () => resolve());
    });
    // The server notices the closed socket, ends the request as unreadable, and stores nothing.
    await expect.poll(() => countOf(400)).toBe(before + 1);
    expect(await testDb().webhookDelivery.count()).toBe(0);
  });
});

async function countOf(status: number): Promise<number> {
  const metric = await metrics().httpRequests.get();
  return (
    metric.values.find(
      (v) => v.labels.route === WEBHOOK_ROUTE && v.labels.method === "POST" && v.labels.status === String(status),
    )?.value ?? 0
  );
}
