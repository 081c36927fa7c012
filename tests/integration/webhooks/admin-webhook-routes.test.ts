import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute } from "../../../app/api/admin/webhooks/deliveries/route";
import { GET as detailRoute } from "../../../app/api/admin/webhooks/deliveries/[id]/route";
import { POST as replayRoute } from "../../../app/api/admin/webhooks/deliveries/[id]/replay/route";
import { GET as countsRoute } from "../../../app/api/admin/webhooks/counts/route";
import { POST as testEventRoute } from "../../../app/api/admin/connections/[id]/webhook-test/route";
import { webhookProcessor } from "../../../lib/webhooks/webhook-runtime";
import { resetDatabase, testDb } from "../../helpers/db";
import { browserHeaders, createTestApiKey, jsonRequest, signedInAs } from "../../helpers/auth";
import { envelope, hmacSettings, makeEndpoint, postSigned } from "../../helpers/webhook-kit";

const CONN = "conn-admin-routes";
type Who = Awaited<ReturnType<typeof signedInAs>>;
let admin: Who;
let agent: Who;
let viewer: Who;

const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

beforeAll(async () => {
  await resetDatabase();
  [admin, agent, viewer] = await Promise.all([signedInAs("admin"), signedInAs("agent"), signedInAs("viewer")]);
});

beforeEach(async () => {
  await testDb().webhookDelivery.deleteMany();
  await testDb().auditLog.deleteMany();
});

/** A delivery accepted and processed by this process's real processor. */
async function processedDelivery(): Promise<string> {
  const { json } = await postSigned(
    makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } }),
    CONN,
    envelope("ticket.update", { id: "t-77" }),
  );
  await webhookProcessor().drain();
  return String(json.id);
}

describe("admin webhook routes: who may call them", () => {
  const calls: [string, (headers: Record<string, string>) => Promise<Response>][] = [
    ["GET deliveries", (h) => listRoute(jsonRequest("/api/admin/webhooks/deliveries", { headers: h }))],
    [
      "GET delivery",
      (h) => detailRoute(jsonRequest("/api/admin/webhooks/deliveries/x", { headers: h }), params({ id: "x" })),
    ],
    [
      "POST replay",
      (h) =>
        replayRoute(
          jsonRequest("/api/admin/webhooks/deliveries/x/replay", { method: "POST", headers: h }),
          params({ id: "x" }),
        ),
    ],
    ["GET counts", (h) => countsRoute(jsonRequest("/api/admin/webhooks/counts", { headers: h }))],
    [
      "POST webhook-test",
      (h) =>
        testEventRoute(
          jsonRequest("/api/admin/connections/x/webhook-test", { method: "POST", headers: h }),
          params({ id: "x" }),
        ),
    ],
  ];

  for (const [name, call] of calls) {
    it(`${name}: 401 signed out, 403 for viewers and agents, allowed for admins`, async () => {
      expect((await call({})).status).toBe(401);
      expect((await call(viewer.headers)).status).toBe(403);
      expect((await call(agent.headers)).status).toBe(403);
      expect([200, 404]).toContain((await call(admin.headers)).status);
    });
  }
});

describe("admin webhook routes: what they do", () => {
  it("lists the history with filters and answers field errors for bad ones", async () => {
    const id = await processedDelivery();
    await postSigned(makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } }), CONN, envelope(), "forged-secret");
    const all = await listRoute(jsonRequest("/api/admin/webhooks/deliveries", { headers: admin.headers }));
    const body = await all.json();
    expect(body.data).toHaveLength(2);
    expect(body.nextCursor).toBeNull();
    const processed = await (
      await listRoute(
        jsonRequest(`/api/admin/webhooks/deliveries?status=processed&connection=${CONN}`, { headers: admin.headers }),
      )
    ).json();
    expect(processed.data.map((d: { id: string }) => d.id)).toEqual([id]);
    const bad = await listRoute(
      jsonRequest("/api/admin/webhooks/deliveries?verification=maybe&from=yesterday", { headers: admin.headers }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fields).sort()).toEqual(["query.from", "query.verification"]);
  });

  it("shows one delivery with headers and pretty body, and 404 for an unknown id", async () => {
    const id = await processedDelivery();
    const res = await detailRoute(
      jsonRequest(`/api/admin/webhooks/deliveries/${id}`, { headers: admin.headers }),
      params({ id }),
    );
    const { data } = await res.json();
    expect(data).toMatchObject({ id, status: "processed", headers: { "x-signature": "[redacted]" } });
    expect(data.body).toContain('  "event": "ticket.update"');
    expect(
      (
        await detailRoute(
          jsonRequest("/api/admin/webhooks/deliveries/nope", { headers: admin.headers }),
          params({ id: "nope" }),
        )
      ).status,
    ).toBe(404);
  });

  it("replays a delivery and records who did it", async () => {
    const id = await processedDelivery();
    const res = await replayRoute(
      jsonRequest(`/api/admin/webhooks/deliveries/${id}/replay`, { method: "POST", headers: admin.headers }),
      params({ id }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ id, status: "processed", lastError: null });
    expect(await testDb().auditLog.findFirst({ where: { action: "webhook.replay" } })).toMatchObject({
      outcome: "success",
      actorId: admin.user.id,
      targetId: id,
    });
    expect(await testDb().webhookDelivery.findUnique({ where: { id } })).toMatchObject({ attempts: 2 });
  });

  it("refuses to replay a forged delivery (409) and records the refusal", async () => {
    const forged = await postSigned(
      makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } }),
      CONN,
      envelope(),
      "forged-secret",
    );
    const id = String(forged.res.headers.get("x-webhook-delivery-id"));
    const res = await replayRoute(
      jsonRequest(`/api/admin/webhooks/deliveries/${id}/replay`, { method: "POST", headers: admin.headers }),
      params({ id }),
    );
    expect(res.status).toBe(409);
    expect(await testDb().auditLog.findFirst({ where: { action: "webhook.replay" } })).toMatchObject({
      outcome: "denied",
      targetId: id,
    });
    expect(await testDb().webhookDelivery.findUnique({ where: { id } })).toMatchObject({
      status: "rejected",
      attempts: 0,
    });
  });

  it("refuses a replay posted from another site with the admin's cookie, and accepts one with an API key", async () => {
    const id = await processedDelivery();
    const crossSite = { ...(await browserHeaders(admin.user)), origin: "https://evil.example" };
    const refused = await replayRoute(
      jsonRequest(`/api/admin/webhooks/deliveries/${id}/replay`, { method: "POST", headers: crossSite }),
      params({ id }),
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("cross_origin");
    const key = await createTestApiKey(admin.user.id);
    const viaKey = await replayRoute(
      jsonRequest(`/api/admin/webhooks/deliveries/${id}/replay`, {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}` },
      }),
      params({ id }),
    );
    expect(viaKey.status).toBe(200);
  });

  it("counts deliveries per event type over the last 24 hours, in the list envelope", async () => {
    await processedDelivery();
    const res = await countsRoute(jsonRequest("/api/admin/webhooks/counts", { headers: admin.headers }));
    const body = await res.json();
    expect(body).toMatchObject({
      data: [{ eventType: "ticket.update", known: true, total: 1, byStatus: { processed: 1 } }],
      nextCursor: null,
    });
    expect(Date.parse(body.since)).toBeLessThan(Date.now() - 23 * 3_600_000);
  });

  it("answers 404 to a test event for an unknown connection", async () => {
    const res = await testEventRoute(
      jsonRequest("/api/admin/connections/nope/webhook-test", { method: "POST", headers: admin.headers }),
      params({ id: "nope" }),
    );
    expect(res.status).toBe(404);
  });
});
