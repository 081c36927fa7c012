// Every write through the proxy leaves an audit record: on success, on K-LINK failure, on a
// validation failure and on a role denial. Reads leave none.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { resetDatabase, testDb } from "../../helpers/db";
import { seedIds } from "../../helpers/endpoint-samples";
import { PROXY_DOORS, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  let f: ProxyFixture;
  let seeds: Awaited<ReturnType<typeof seedIds>>;

  beforeAll(async () => {
    await resetDatabase();
    await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
    f = await startProxyFixture({ door });
    seeds = await seedIds(f);
  });
  beforeEach(async () => {
    await f.control("POST", "reset");
    await testDb().auditLog.deleteMany();
  });
  afterAll(async () => {
    await f.stop();
    await setCache(undefined);
  });

  const rows = () => testDb().auditLog.findMany({ orderBy: { createdAt: "asc" } });

  describe("audit records of writes through the proxy", () => {
    it("records a successful write with who, what, where, outcome and the request's identity", async () => {
      const answer = await f.call("PUT", `/api/klink/v1/tickets/${seeds.ticketId}/status`, {
        as: "agent",
        body: { status: "pending" },
      });
      expect(answer.status).toBe(200);
      const [row] = await rows();
      expect(row).toMatchObject({
        action: "ticket.update_status",
        outcome: "success",
        actorType: "api_key",
        actorId: f.users.agent.user.id,
        actorEmail: f.users.agent.user.email,
        actorRole: "agent",
        apiKeyId: expect.any(String),
        targetType: "ticket",
        targetId: seeds.ticketId,
        connectionId: f.connectionId,
        method: "PUT",
        path: `/api/klink/v1/tickets/${seeds.ticketId}/status`,
        status: 200,
        upstreamStatus: 200,
        requestId: answer.headers.get("x-request-id"),
        ip: "203.0.113.7",
        userAgent: "proxy-tests/1.0",
      });
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      expect(row.details).toMatchObject({ endpoint: "tickets.updateStatus", body: { status: "pending" } });
      expect(row.after).toMatchObject({ data: { id: seeds.ticketId } });
    });

    it("records the id K-LINK gave a created ticket as the target", async () => {
      const answer = await f.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        via: "session",
        body: { title: "New", status: "open", priority: "low", contact_id: seeds.contactId, channel: "email" },
      });
      const [row] = await rows();
      expect(row).toMatchObject({
        action: "ticket.create",
        actorType: "user",
        apiKeyId: null,
        targetId: (answer.json as { data: { id: string } }).data.id,
        status: 201,
      });
    });

    it("keeps what the cache held before a change next to K-LINK's answer after it", async () => {
      await f.call("GET", `/api/klink/v1/contacts/${seeds.contactId}`, { as: "viewer" });
      await f.call("PATCH", `/api/klink/v1/contacts/${seeds.contactId}`, {
        as: "agent",
        body: { notes: "Calls after 6 pm" },
      });
      const [row] = await rows();
      expect(row.before).toMatchObject({ data: { id: seeds.contactId } });
      expect((row.before as { data: { notes?: string } }).data.notes).not.toBe("Calls after 6 pm");
      expect(row.after).toBeTruthy();
    });

    it("records a write that K-LINK failed, with K-LINK's status", async () => {
      await f.control("POST", "faults", { pathPattern: "/api/v1/tickets/*", method: "PATCH", status: 503 });
      const answer = await f.call("PATCH", `/api/klink/v1/tickets/${seeds.ticketId}`, {
        as: "agent",
        body: { priority: "low" },
      });
      expect(answer.status).toBe(502);
      const [row] = await rows();
      expect(row).toMatchObject({
        action: "ticket.update",
        outcome: "failure",
        status: 502,
        upstreamStatus: 503,
        targetId: seeds.ticketId,
      });
      expect(row.details).toMatchObject({ error: { code: "upstream_error" } });
    });

    it("records a write that K-LINK refused with a 4xx, with its status passed on", async () => {
      await f.control("POST", "faults", { pathPattern: "/api/v1/contacts/*/tags", status: 422 });
      const answer = await f.call("PATCH", `/api/klink/v1/contacts/${seeds.contactId}/tags`, {
        as: "agent",
        body: { actionType: "MERGE", tags: ["vip"] },
      });
      expect(answer.status).toBe(422);
      const [row] = await rows();
      expect(row).toMatchObject({
        action: "contact.update_tags",
        outcome: "failure",
        status: 422,
        upstreamStatus: 422,
      });
    });

    it("records a write that validation rejected, with the field errors and secrets masked", async () => {
      const answer = await f.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        body: { title: "", contact_id: "x", apiToken: "kpt_leakedleakedleaked1234" },
      });
      expect(answer.status).toBe(400);
      const [row] = await rows();
      expect(row).toMatchObject({ action: "ticket.create", outcome: "invalid", status: 400, upstreamStatus: null });
      expect(JSON.stringify(row.details)).not.toContain("leakedleaked");
      expect(row.details).toMatchObject({ error: { code: "validation_failed", fields: expect.any(Object) } });
    });

    it("records a body that is not JSON as an invalid write", async () => {
      await f.call("PATCH", `/api/klink/v1/contacts/${seeds.contactId}`, {
        as: "agent",
        rawBody: "{{",
        headers: { "content-type": "application/json" },
      });
      const [row] = await rows();
      expect(row).toMatchObject({
        action: "contact.update",
        outcome: "invalid",
        status: 400,
        targetId: seeds.contactId,
      });
    });

    it("records a write the caller's role does not allow as denied", async () => {
      const answer = await f.call("DELETE", `/api/klink/v1/contacts/${seeds.contactId}`, { as: "agent" });
      expect(answer.status).toBe(403);
      const [row] = await rows();
      expect(row).toMatchObject({ action: "contact.delete", outcome: "denied", actorRole: "agent", status: 403 });
    });

    it("records nothing for reads", async () => {
      await f.call("GET", "/api/klink/v1/tickets", { as: "viewer" });
      await f.call("GET", "/api/klink/v1/contacts/00000000-0000-4000-8000-000000000000", { as: "viewer" });
      expect(await rows()).toEqual([]);
    });
  });
});
