import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "../../../app/api/admin/destinations/route";
import { GET as getRoute, PATCH as patchRoute } from "../../../app/api/admin/destinations/[id]/route";
import { POST as rotateRoute } from "../../../app/api/admin/destinations/[id]/rotate-secret/route";
import { POST as testRoute } from "../../../app/api/admin/destinations/[id]/test/route";
import { POST as replayFailedRoute } from "../../../app/api/admin/destinations/[id]/replay/route";
import { GET as messagesRoute } from "../../../app/api/admin/destinations/[id]/messages/route";
import { POST as replayOneRoute } from "../../../app/api/admin/forwarded-messages/[id]/replay/route";
import { resetDatabase, testDb } from "../../helpers/db";
import { jsonRequest, signedInAs } from "../../helpers/auth";
import { startReceiver, type Receiver } from "../../helpers/forward-receiver";

type Caller = Awaited<ReturnType<typeof signedInAs>>;
let admin: Caller;
let agent: Caller;
let receiver: Receiver;

beforeAll(async () => {
  await resetDatabase();
  admin = await signedInAs("admin");
  agent = await signedInAs("agent");
  receiver = await startReceiver();
  return () => receiver.close();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const create = (body: unknown, headers = admin.headers) =>
  createRoute(jsonRequest("/api/admin/destinations", { method: "POST", headers, body }));

describe("/api/admin/destinations", () => {
  it("creates a destination, showing its signing secret this one time, and audits it", async () => {
    const res = await create({ name: "CRM", url: receiver.url, eventTypes: ["ticket.*"] });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toMatchObject({
      name: "CRM",
      url: receiver.url,
      enabled: true,
      eventTypes: ["ticket.*"],
      signingSecret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{40,}$/),
    });
    const id = String(created.id);
    const shown = (await (
      await getRoute(jsonRequest(`/api/admin/destinations/${id}`, { headers: admin.headers }), ctx(id))
    ).json()) as Record<string, unknown>;
    expect(shown.signingSecret).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain(String(created.signingSecret).slice(6, 30));
    const list = (await (
      await listRoute(jsonRequest("/api/admin/destinations", { headers: admin.headers }))
    ).json()) as {
      data: unknown[];
    };
    expect(list.data).toHaveLength(1);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "destination.create", targetId: id } });
    expect(JSON.stringify(audit)).not.toContain(String(created.signingSecret));
  });

  it("defaults eventTypes to every event", async () => {
    const res = await create({ name: "Warehouse", url: receiver.url });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ eventTypes: null, connectionIds: null });
  });

  it.each([
    ["http://169.254.169.254/", "link-local or metadata"],
    ["https://169.254.169.254/latest/meta-data/", "link-local or metadata"],
    ["https://10.0.0.8/hooks", "private address"],
    ["https://192.168.0.20/hooks", "private address"],
    ["http://hooks.example.com/", "must use https://"],
  ])("refuses %s with a field error", async (url, message) => {
    const res = await create({ name: `Bad ${url}`, url });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, string[]> };
    expect(body.fields["body.url"].join(" ")).toContain(message);
  });

  it("refuses bad event types and unknown fields with field messages", async () => {
    const res = await create({ name: "Typo", url: receiver.url, eventTypes: ["ticket update"], colour: "red" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, string[]> };
    expect(Object.keys(body.fields).join(",")).toContain("eventTypes");
  });

  it("is for admins signed in: agents get 403, API keys get session_required", async () => {
    expect((await create({ name: "Agent's", url: receiver.url }, agent.headers)).status).toBe(403);
    const res = await create({ name: "Key's", url: receiver.url }, { authorization: `Bearer ${admin.apiKey}` });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "session_required" });
  });

  it("sends a test event, lists it with its attempt, replays it and audits both", async () => {
    const created = (await (await create({ name: "Tester", url: receiver.url })).json()) as {
      id: string;
      signingSecret: string;
    };
    receiver.secrets = [created.signingSecret];
    const sent = await testRoute(
      jsonRequest(`/api/admin/destinations/${created.id}/test`, { method: "POST", headers: admin.headers }),
      ctx(created.id),
    );
    expect(sent.status).toBe(200);
    const result = (await sent.json()) as { messageId: string; result: string; status: number };
    expect(result).toMatchObject({ result: "delivered", status: 204 });
    const got = receiver.received.find((r) => r.id === result.messageId)!;
    expect(got.verifiedBy).toBe(0);
    expect(JSON.parse(got.body)).toMatchObject({ type: "console.test" });

    const page = (await (
      await messagesRoute(
        jsonRequest(`/api/admin/destinations/${created.id}/messages?status=delivered&eventType=console.test`, {
          headers: admin.headers,
        }),
        ctx(created.id),
      )
    ).json()) as { data: { id: string; attemptLog: { status: number; latencyMs: number }[] }[] };
    expect(page.data).toHaveLength(1);
    expect(page.data[0].attemptLog[0]).toMatchObject({ status: 204, latencyMs: expect.any(Number) });

    const replay = await replayOneRoute(
      jsonRequest(`/api/admin/forwarded-messages/${result.messageId}/replay`, {
        method: "POST",
        headers: admin.headers,
      }),
      ctx(result.messageId),
    );
    expect(replay.status).toBe(200);
    // The same webhook-id again: a receiver that deduplicates sees one event.
    expect(receiver.received.filter((r) => r.id === result.messageId)).toHaveLength(2);
    for (const action of ["destination.send_test", "destination.replay_message"]) {
      expect(await testDb().auditLog.count({ where: { action, targetId: created.id } })).toBe(1);
    }
  });

  it("replays every failed message since a time", async () => {
    const created = (await (await create({ name: "Flaky", url: receiver.url })).json()) as { id: string };
    receiver.answer = () => ({ status: 500 });
    await testRoute(
      jsonRequest(`/api/admin/destinations/${created.id}/test`, { method: "POST", headers: admin.headers }),
      ctx(created.id),
    );
    await testDb().forwardMessage.updateMany({ where: { destinationId: created.id }, data: { status: "failed" } });
    receiver.answer = () => ({ status: 200 });
    const res = await replayFailedRoute(
      jsonRequest(`/api/admin/destinations/${created.id}/replay`, {
        method: "POST",
        headers: admin.headers,
        body: { since: new Date(Date.now() - 60_000).toISOString() },
      }),
      ctx(created.id),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ queued: 1, destinationEnabled: true });
    expect(
      await testDb().auditLog.count({ where: { action: "destination.replay_failed", targetId: created.id } }),
    ).toBe(1);
  });

  it("rotates the secret (shown once) and re-enabling clears why it was disabled", async () => {
    const created = (await (await create({ name: "Rotating", url: receiver.url })).json()) as {
      id: string;
      signingSecret: string;
    };
    const rotated = await rotateRoute(
      jsonRequest(`/api/admin/destinations/${created.id}/rotate-secret`, {
        method: "POST",
        headers: admin.headers,
        body: { graceSeconds: 600 },
      }),
      ctx(created.id),
    );
    const view = (await rotated.json()) as { signingSecret: string; previousSecretValidUntil: string };
    expect(view.signingSecret).not.toBe(created.signingSecret);
    expect(view.previousSecretValidUntil).toEqual(expect.any(String));

    await testDb().forwardDestination.update({
      where: { id: created.id },
      data: { enabled: false, disabledReason: "The receiver answered 410 Gone.", disabledAt: new Date() },
    });
    const res = await patchRoute(
      jsonRequest(`/api/admin/destinations/${created.id}`, {
        method: "PATCH",
        headers: admin.headers,
        body: { enabled: true },
      }),
      ctx(created.id),
    );
    expect(await res.json()).toMatchObject({ enabled: true, disabledReason: null });
    expect(await testDb().auditLog.count({ where: { action: "destination.update", targetId: created.id } })).toBe(1);
  });
});
