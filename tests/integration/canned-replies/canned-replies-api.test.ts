// Canned replies through their API: personal or shared, who may change which, the template check
// (an unknown variable is refused with a field message), and the audit trail of every change.
import { beforeEach, describe, expect, it } from "vitest";
import { GET as list, POST as create } from "../../../app/api/canned-replies/route";
import { DELETE as remove, PATCH as update } from "../../../app/api/canned-replies/[id]/route";
import { db } from "../../../lib/db/client";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestUser, jsonRequest } from "../../helpers/auth";

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
type Headers = Record<string, string>;
let agent: Headers;
let otherAgent: Headers;
let admin: Headers;
let viewer: Headers;

beforeEach(async () => {
  await resetDatabase();
  agent = await browserHeaders(await createTestUser("agent", { name: "Aye" }));
  otherAgent = await browserHeaders(await createTestUser("agent", { name: "Bo" }));
  admin = await browserHeaders(await createTestUser("admin"));
  viewer = await browserHeaders(await createTestUser("viewer"));
});

const post = (headers: Headers, body: unknown) =>
  create(jsonRequest("/api/canned-replies", { method: "POST", headers, body }));
const listed = async (headers: Headers) =>
  (await (await list(jsonRequest("/api/canned-replies", { headers }))).json()).data as { name: string }[];

describe("canned replies", () => {
  it("are personal by default: the owner sees and changes them, other agents never see them", async () => {
    const res = await post(agent, { name: "Greeting", body: "Hello {{contact.name}}, this is {{agent.name}}." });
    expect(res.status).toBe(201);
    const reply = await res.json();
    expect(reply).toMatchObject({ name: "Greeting", shared: false, editable: true });
    expect((await listed(agent)).map((r) => r.name)).toEqual(["Greeting"]);
    expect(await listed(otherAgent)).toEqual([]);

    const foreign = await update(
      jsonRequest(`/api/canned-replies/${reply.id}`, { method: "PATCH", headers: otherAgent, body: { name: "Mine" } }),
      idParams(reply.id),
    );
    expect(foreign.status).toBe(404);
    const own = await update(
      jsonRequest(`/api/canned-replies/${reply.id}`, { method: "PATCH", headers: agent, body: { name: "Hello" } }),
      idParams(reply.id),
    );
    expect(await own.json()).toMatchObject({ name: "Hello" });
  });

  it("are shared only by admins, used by every agent, and changed only by admins", async () => {
    expect((await post(agent, { name: "Team", body: "Hi", shared: true })).status).toBe(403);
    const shared = await (await post(admin, { name: "Closing", body: "Bye {{contact.name}}", shared: true })).json();
    expect(await listed(agent)).toEqual([expect.objectContaining({ name: "Closing", shared: true, editable: false })]);
    const agentEdit = await update(
      jsonRequest(`/api/canned-replies/${shared.id}`, { method: "PATCH", headers: agent, body: { body: "x" } }),
      idParams(shared.id),
    );
    expect(agentEdit.status).toBe(403);
    const agentDelete = await remove(
      jsonRequest(`/api/canned-replies/${shared.id}`, { method: "DELETE", headers: agent }),
      idParams(shared.id),
    );
    expect(agentDelete.status).toBe(403);
    const adminDelete = await remove(
      jsonRequest(`/api/canned-replies/${shared.id}`, { method: "DELETE", headers: admin }),
      idParams(shared.id),
    );
    expect(adminDelete.status).toBe(200);
    expect(await listed(agent)).toEqual([]);
  });

  it("refuse an unknown variable with a message on the text field, and store nothing", async () => {
    const res = await post(agent, { name: "Oops", body: "Hi {{contact.nickname}}" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.fields["body.body"].join(" ")).toContain("{{contact.nickname}}");
    expect(await db().cannedReply.count()).toBe(0);
  });

  it("are not for viewers, who send no messages", async () => {
    expect((await list(jsonRequest("/api/canned-replies", { headers: viewer }))).status).toBe(403);
    expect((await post(viewer, { name: "x", body: "y" })).status).toBe(403);
  });

  it("are audited on every change, with before and after", async () => {
    const reply = await (await post(agent, { name: "A", body: "one" })).json();
    await update(
      jsonRequest(`/api/canned-replies/${reply.id}`, { method: "PATCH", headers: agent, body: { body: "two" } }),
      idParams(reply.id),
    );
    await remove(
      jsonRequest(`/api/canned-replies/${reply.id}`, { method: "DELETE", headers: agent }),
      idParams(reply.id),
    );
    const rows = await db().auditLog.findMany({
      where: { targetId: reply.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual(["canned_reply.create", "canned_reply.update", "canned_reply.delete"]);
    expect(rows[1].before).toMatchObject({ body: "one" });
    expect(rows[1].after).toMatchObject({ body: "two" });
  });
});
