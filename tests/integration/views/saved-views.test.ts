// Saved views through their API with real sessions and API keys, against the simulator over a real
// socket: personal and shared views, who may share, edit and delete, defaults per list, scoping per
// connection, audit records, and the count every user sees (K-LINK's total through the cache)
// changing once a webhook reports a change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as viewsRoute from "../../../app/api/views/route";
import * as viewRoute from "../../../app/api/views/[id]/route";
import * as defaultRoute from "../../../app/api/views/default/route";
import { POST as webhookRoute } from "../../../app/api/webhooks/klink/[connectionId]/route";
import { isAffectedBy } from "../../../lib/events/affected-keys";
import type { Role } from "../../../lib/identity/roles";
import { normalViewQuery, viewCountUrl } from "../../../lib/views/view-query";
import { waitFor } from "../../../scripts/console-process";
import { signedInAs } from "../../helpers/auth";
import { resetDatabase, testDb } from "../../helpers/db";
import { SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { SECRET, sign } from "../../helpers/webhook-kit";

let fixture: ProxyFixture;
let secondAgent: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  await resetDatabase();
  fixture = await startProxyFixture({ webhookSecret: SECRET });
  secondAgent = await signedInAs("agent");
});
afterAll(async () => fixture?.stop());

type Caller = Role | "agent2";
const userOf = (who: Caller) => (who === "agent2" ? secondAgent : fixture.users[who]);

async function call(
  who: Caller,
  method: string,
  path: string,
  body?: unknown, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' bodies are read loosely, per test
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { ...userOf(who).headers };
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost:3000${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const url = new URL(req.url);
  const id = url.pathname.split("/")[3];
  type Handlers = Record<string, (req: Request, ctx?: { params: Promise<{ id: string }> }) => Promise<Response>>;
  const handlers = (url.pathname === "/api/views"
    ? viewsRoute
    : url.pathname === "/api/views/default"
      ? defaultRoute
      : viewRoute) as unknown as Handlers;
  const response = await handlers[method](req, { params: Promise.resolve({ id }) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const klink = async <T>(path: string, init: { method?: string; body?: unknown } = {}) =>
  (await (
    await fetch(`${fixture.sim.url}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${SIM_TOKEN}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  ).json()) as T;

const countFor = async (who: Role, url: string) =>
  ((await fixture.call("GET", url, { as: who, via: "session" })).json as { total: number }).total;

describe("saved views", () => {
  it("a shared view shows the same count to everyone, and the count changes once a webhook reports a change", async () => {
    const created = await call("agent", "POST", "/api/views", {
      list: "tickets",
      name: "Open & high",
      query: "/tickets?status=open&priority=high&page=4&sort=number&dir=asc",
      shared: true,
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      name: "Open & high",
      query: "status=open&priority=high&sort=number&dir=asc",
      href: "/tickets?status=open&priority=high&sort=number&dir=asc",
      shared: true,
      mine: true,
      canEdit: true,
    });

    const seenByViewer = (await call("viewer", "GET", "/api/views?list=tickets")).json.data;
    expect(seenByViewer).toEqual([expect.objectContaining({ id: created.json.data.id, mine: false, canEdit: false })]);

    const url = viewCountUrl("tickets", created.json.data.query);
    const open = await klink<{ total: number; data: { id: string }[] }>(
      "/api/v1/tickets?status=open&priority=high&pageSize=1",
    );
    expect(await countFor("viewer", url)).toBe(open.total);
    expect(await countFor("agent", url)).toBe(open.total);

    // Changed in K-LINK: the cached count stays until K-LINK says so.
    const changed = await klink<{ data: Record<string, unknown> }>(`/api/v1/tickets/${open.data[0].id}/status`, {
      method: "PUT",
      body: { status: "closed" },
    });
    expect(await countFor("viewer", url)).toBe(open.total);

    const body = JSON.stringify({ event: "ticket.update", timestamp: new Date().toISOString(), data: changed.data });
    const answer = await webhookRoute(
      new Request(`http://localhost:3000/api/webhooks/klink/${fixture.connectionId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-signature": sign(body) },
        body,
      }),
      { params: Promise.resolve({ connectionId: fixture.connectionId }) },
    );
    expect(answer.status).toBe(200);
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({
          where: { connectionId: fixture.connectionId, subjectId: open.data[0].id, status: "processed" },
        })) === 1,
      5_000,
    );
    // The browser's live events revalidate the count's SWR key (its proxy URL)…
    expect(isAffectedBy({ type: "ticket.update", id: open.data[0].id }, url)).toBe(true);
    // …and everyone reads the new total.
    expect(await countFor("viewer", url)).toBe(open.total - 1);
    expect(await countFor("admin", url)).toBe(open.total - 1);
  });

  it("keeps personal views to their owner; viewers may keep them but not share", async () => {
    const personal = await call("viewer", "POST", "/api/views", {
      list: "contacts",
      name: "Golds",
      query: "keyword=gold",
    });
    expect(personal.status).toBe(201);
    expect(personal.json.data).toMatchObject({ shared: false, href: "/contacts?keyword=gold" });
    const shareAttempt = await call("viewer", "POST", "/api/views", { list: "contacts", name: "All", shared: true });
    expect(shareAttempt.status).toBe(403);
    const reshare = await call("viewer", "PATCH", `/api/views/${personal.json.data.id}`, { shared: true });
    expect(reshare.status).toBe(403);

    const agentSees = (await call("agent", "GET", "/api/views?list=contacts")).json.data;
    expect(agentSees.map((v: { id: string }) => v.id)).not.toContain(personal.json.data.id);
    // Someone else's personal view is not told apart from a missing one, even for an admin.
    expect((await call("admin", "DELETE", `/api/views/${personal.json.data.id}`)).status).toBe(404);
    expect((await call("viewer", "DELETE", `/api/views/${personal.json.data.id}`)).status).toBe(204);
  });

  it("lets the owner and admins change a shared view, not other agents or viewers, and audits each change", async () => {
    const shared = (
      await call("agent", "POST", "/api/views", {
        list: "tickets",
        name: "Pending",
        query: "status=pending",
        shared: true,
      })
    ).json.data;
    expect((await call("agent2", "PATCH", `/api/views/${shared.id}`, { name: "Mine now" })).status).toBe(403);
    expect((await call("viewer", "DELETE", `/api/views/${shared.id}`)).status).toBe(403);
    const renamed = await call("admin", "PATCH", `/api/views/${shared.id}`, { name: "Pending (all)" });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data).toMatchObject({ name: "Pending (all)", canEdit: true, mine: false });
    expect((await call("admin", "DELETE", `/api/views/${shared.id}`)).status).toBe(204);

    const audits = await testDb().auditLog.findMany({
      where: { targetId: shared.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorEmail])).toEqual([
      ["view.create", fixture.users.agent.user.email],
      ["view.update", fixture.users.admin.user.email],
      ["view.delete", fixture.users.admin.user.email],
    ]);
    expect(audits[1].before).toMatchObject({ name: "Pending" });
    expect(audits[1].after).toMatchObject({ name: "Pending (all)" });
  });

  it("keeps one default view per user and list, only of views the user can see, gone with its view", async () => {
    const shared = (
      await call("agent", "POST", "/api/views", {
        list: "tickets",
        name: "Closed",
        query: "status=closed",
        shared: true,
      })
    ).json.data;
    const own = (await call("viewer", "POST", "/api/views", { list: "tickets", name: "Mine", query: "keyword=kettle" }))
      .json.data;
    expect((await call("viewer", "PUT", "/api/views/default", { list: "tickets", viewId: shared.id })).status).toBe(
      204,
    );
    expect((await call("viewer", "PUT", "/api/views/default", { list: "tickets", viewId: own.id })).status).toBe(204);
    const views = (await call("viewer", "GET", "/api/views?list=tickets")).json.data as {
      id: string;
      isDefault: boolean;
    }[];
    expect(views.filter((v) => v.isDefault).map((v) => v.id)).toEqual([own.id]);
    // Only the viewer's default: the agent's own list opens as before.
    expect(
      ((await call("agent", "GET", "/api/views?list=tickets")).json.data as { isDefault: boolean }[]).some(
        (v) => v.isDefault,
      ),
    ).toBe(false);

    const foreign = await call("agent", "PUT", "/api/views/default", { list: "tickets", viewId: own.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.fields).toHaveProperty(["body.viewId"]);
    const wrongList = await call("viewer", "PUT", "/api/views/default", { list: "contacts", viewId: own.id });
    expect(wrongList.status).toBe(400);

    await call("viewer", "DELETE", `/api/views/${own.id}`);
    expect(await testDb().savedViewDefault.count({ where: { viewId: own.id } })).toBe(0);
  });

  it("scopes views to their K-LINK connection", async () => {
    const other = await fixture.addConnection(`other-${Date.now()}`, fixture.sim.url);
    const created = await call("agent", "POST", `/api/views?connection=${other}`, {
      list: "tickets",
      name: "Elsewhere",
      shared: true,
    });
    expect(created.status).toBe(201);
    const here = (await call("agent", "GET", "/api/views")).json.data as { id: string }[];
    const there = (await call("agent", "GET", `/api/views?connection=${other}`)).json.data as { id: string }[];
    expect(here.map((v) => v.id)).not.toContain(created.json.data.id);
    expect(there.map((v) => v.id)).toEqual([created.json.data.id]);
  });

  it("answers 400 with field messages for a bad view, and 401 without a session", async () => {
    const bad = await call("agent", "POST", "/api/views", { list: "orders", name: " " });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.fields)).toEqual(expect.arrayContaining(["body.list", "body.name"]));
    const anonymous = await viewsRoute.GET(new Request("http://localhost:3000/api/views"));
    expect(anonymous.status).toBe(401);
  });

  it("stores the list's own normal form of the query", () => {
    expect(normalViewQuery("tickets", "?page=3&status=open&foo=bar&pageSize=25")).toBe("status=open");
    expect(normalViewQuery("contacts", "keyword=ก%20ข&pageSize=50&page=2")).toBe(
      "keyword=%E0%B8%81+%E0%B8%82&pageSize=50",
    );
    expect(viewCountUrl("tickets", "status=open&sort=title&dir=asc")).toBe(
      "/api/klink/v1/tickets?status=open&page=1&pageSize=1",
    );
  });
});
