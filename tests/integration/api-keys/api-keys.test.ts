import { beforeEach, describe, expect, it } from "vitest";
import { GET as listKeys, POST as createKey } from "../../../app/api/keys/route";
import { DELETE as revokeKey } from "../../../app/api/keys/[id]/route";
import { route } from "../../../lib/doors/route";
import { db } from "../../../lib/db/client";
import { API_KEY_CACHE_TTL_MS } from "../../../lib/api-keys/api-key-cache";
import { hashApiKey } from "../../../lib/api-keys/api-key-format";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestApiKey, createTestUser, jsonRequest, type TestUser } from "../../helpers/auth";

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const whoAmI = route({ access: "viewer" }, async ({ actor }) => Response.json(actor));

let agent: TestUser;
let agentHeaders: Record<string, string>;

beforeEach(async () => {
  await resetDatabase();
  agent = await createTestUser("agent");
  agentHeaders = await browserHeaders(agent);
});

async function create(body: unknown, headers = agentHeaders) {
  return createKey(jsonRequest("/api/keys", { method: "POST", headers, body }));
}

describe("personal API keys", () => {
  it("are shown once at creation, stored only as a sha256 hash, and authenticate as their owner", async () => {
    const res = await create({ name: "nightly export" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = await res.json();
    expect(created.key).toMatch(/^kc_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "nightly export", status: "active", prefix: created.key.slice(0, 11) });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const me = await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${created.key}` } }));
    expect(await me.json()).toMatchObject({ type: "api_key", userId: agent.id, role: "agent", apiKeyId: created.id });

    const list = await (await listKeys(jsonRequest("/api/keys", { headers: agentHeaders }))).json();
    expect(list).toEqual({
      data: [expect.objectContaining({ id: created.id, prefix: created.prefix })],
      nextCursor: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect(JSON.stringify(list)).not.toContain(row.keyHash);
  });

  it("take an optional expiry, after which they are refused", async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const created = await (await create({ name: "short-lived", expiresAt })).json();
    expect(created.expiresAt).toBe(expiresAt);
    await db().apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${created.key}` } }))).status).toBe(
      401,
    );
    const list = await (await listKeys(jsonRequest("/api/keys", { headers: agentHeaders }))).json();
    expect(list.data[0].status).toBe("expired");
  });

  it("refuse an expiry in the past or a missing name, field by field", async () => {
    const res = await create({ name: "", expiresAt: "2001-01-01T00:00:00Z" });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields).sort()).toEqual(["body.expiresAt", "body.name"]);
  });

  it("are revoked by their owner and then refused at once, with the revocation audited", async () => {
    const created = await (await create({ name: "to revoke" })).json();
    // Used first, so that this process holds the key in its cache when it is revoked.
    expect((await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${created.key}` } }))).status).toBe(
      200,
    );
    const res = await revokeKey(
      jsonRequest(`/api/keys/${created.id}`, { method: "DELETE", headers: agentHeaders }),
      idParams(created.id),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("revoked");
    expect((await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${created.key}` } }))).status).toBe(
      401,
    );
    expect(
      await db().auditLog.count({ where: { action: "api_key.revoke", targetId: created.id, actorId: agent.id } }),
    ).toBe(1);
  });

  it("revoked by another instance (straight in the database) are refused within the cache's few seconds, however busy the key", async () => {
    const created = await (await create({ name: "busy script" })).json();
    const call = async () =>
      (await whoAmI(jsonRequest("/me", { headers: { authorization: `Bearer ${created.key}` } }))).status;
    expect(await call()).toBe(200);
    await db().apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    const revokedAt = Date.now();
    let status = await call();
    while (status === 200 && Date.now() - revokedAt < API_KEY_CACHE_TTL_MS + 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await call();
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(API_KEY_CACHE_TTL_MS + 1_000);
  });

  it("cannot be revoked by another non-admin user, who sees a 404", async () => {
    const created = await (await create({ name: "mine" })).json();
    const other = await createTestUser("agent");
    const res = await revokeKey(
      jsonRequest(`/api/keys/${created.id}`, { method: "DELETE", headers: await browserHeaders(other) }),
      idParams(created.id),
    );
    expect(res.status).toBe(404);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
  });

  it("of anyone can be listed and revoked by an admin", async () => {
    const created = await (await create({ name: "agent's" })).json();
    const admin = await createTestUser("admin");
    const adminHeaders = await browserHeaders(admin);
    const all = await (await listKeys(jsonRequest("/api/keys?all=true", { headers: adminHeaders }))).json();
    expect(all.data.map((k: { id: string }) => k.id)).toContain(created.id);
    expect(all.data[0].owner).toMatchObject({ id: agent.id, email: agent.email });
    const res = await revokeKey(
      jsonRequest(`/api/keys/${created.id}`, { method: "DELETE", headers: adminHeaders }),
      idParams(created.id),
    );
    expect(res.status).toBe(200);
  });

  it("of other users cannot be listed by a non-admin", async () => {
    expect((await listKeys(jsonRequest("/api/keys?all=true", { headers: agentHeaders }))).status).toBe(403);
  });

  it("cannot create further keys", async () => {
    const { key } = await createTestApiKey(agent.id);
    const res = await create({ name: "minted" }, { authorization: `Bearer ${key}` });
    expect(res.status).toBe(403);
    expect(await db().apiKey.count()).toBe(1);
  });

  it("can be listed and revoked by a script holding a key", async () => {
    const { id, key } = await createTestApiKey(agent.id);
    const list = await listKeys(jsonRequest("/api/keys", { headers: { authorization: `Bearer ${key}` } }));
    expect((await list.json()).data).toHaveLength(1);
    const res = await revokeKey(
      jsonRequest(`/api/keys/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } }),
      idParams(id),
    );
    expect(res.status).toBe(200);
  });

  it("answer 401 to anonymous callers", async () => {
    expect((await listKeys(jsonRequest("/api/keys"))).status).toBe(401);
    expect((await create({ name: "x" }, {})).status).toBe(401);
  });
});
