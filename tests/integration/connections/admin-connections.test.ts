import { beforeEach, describe, expect, it } from "vitest";
import { GET as listConnections, POST as createConnection } from "../../../app/api/admin/connections/route";
import {
  DELETE as deleteConnection,
  GET as getConnection,
  PATCH as patchConnection,
} from "../../../app/api/admin/connections/[id]/route";
import { db } from "../../../lib/db/client";
import { resolveConnection } from "../../../lib/connections/resolve-connection";
import { loadWebhookSettings } from "../../../lib/connections/load-webhook-settings";
import { decryptSecret } from "../../../lib/crypto/secret-box";
import { KlinkNetworkError } from "../../../lib/klink/errors";
import { circuitState, DEFAULT_CIRCUIT_SETTINGS, throughCircuit } from "../../../lib/resilience/circuit-breakers";
import type { Actor } from "../../../lib/identity/actor";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestUser } from "../../helpers/auth";
import { jsonRequest } from "../../helpers/auth";

const TOKEN = "kpt_KnownTestToken0123456789WXYZ";
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

let headers: Record<string, string>;
let viewer: Actor;

beforeEach(async () => {
  await resetDatabase();
  const admin = await createTestUser("admin");
  headers = await browserHeaders(admin);
  const v = await createTestUser("viewer");
  viewer = { type: "user", userId: v.id, email: v.email, name: v.name, role: "viewer" };
});

async function create(body: Record<string, unknown>) {
  return createConnection(jsonRequest("/api/admin/connections", { method: "POST", headers, body }));
}
async function patch(id: string, body: Record<string, unknown>) {
  return patchConnection(jsonRequest(`/api/admin/connections/${id}`, { method: "PATCH", headers, body }), idParams(id));
}
const fieldsOf = async (res: Response) => Object.keys((await res.json()).fields ?? {});

describe("creating a connection", () => {
  it("keeps the token write-only: the answer shows kpt_… and the last 4, the row holds only ciphertext", async () => {
    const res = await create({
      name: "Production",
      token: TOKEN,
      webhook: { mode: "hmac", secret: "whsec-signing-secret-1234" },
    });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("whsec-signing-secret");
    const view = JSON.parse(text);
    expect(view).toMatchObject({
      name: "Production",
      baseUrl: "https://apigw.klinkcx.com",
      isDefault: true,
      tokenHint: "kpt_…WXYZ",
      webhook: {
        mode: "hmac",
        secretSet: true,
        secretLast4: "1234",
        previousSecretSet: false,
        url: `http://localhost:3000/api/webhooks/klink/${view.id}`,
      },
    });
    const row = await db().klinkConnection.findUniqueOrThrow({ where: { id: view.id } });
    expect(JSON.stringify(row)).not.toContain(TOKEN.slice(4, 20));
    expect(JSON.stringify(row)).not.toContain("whsec-signing-secret");
    expect(row.tokenCiphertext).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(decryptSecret(row.tokenCiphertext)).toBe(TOKEN);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "connection.create", targetId: view.id } });
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    expect(JSON.stringify(audit)).not.toContain("whsec-signing-secret");
  });

  it("shows no part of a short token or a short webhook secret: only that they are set", async () => {
    const res = await create({
      name: "Short",
      token: "kpt_Short1234567",
      webhook: { mode: "hmac", secret: "shortsecret9" },
    });
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ tokenHint: "kpt_…", webhook: { secretSet: true, secretLast4: null } });
    expect(text).not.toMatch(/4567|ret9/);
    const row = await db().klinkConnection.findUniqueOrThrow({ where: { id: JSON.parse(text).id } });
    expect(row.tokenLast4).toBe("");
    // 12 characters after kpt_ besides the last 4, and a secret of 16: the last 4 may show.
    const long = await (
      await create({
        name: "Long",
        token: "kpt_Long00000000WXYZ",
        webhook: { mode: "hmac", secret: "sixteen-chars-ok" },
      })
    ).json();
    expect(long).toMatchObject({ tokenHint: "kpt_…WXYZ", webhook: { secretLast4: "s-ok" } });
  });

  it("refuses hosts outside KLINK_ALLOWED_HOSTS, plain http, and tokens that are not kpt_ tokens", async () => {
    for (const baseUrl of [
      "https://evil.example.com",
      "http://apigw.klinkcx.com",
      "https://10.0.0.5",
      "https://user:pw@apigw.klinkcx.com",
      "not a url",
    ]) {
      const res = await create({ name: `c ${baseUrl}`, baseUrl, token: TOKEN });
      expect(res.status, baseUrl).toBe(400);
      expect(await fieldsOf(res)).toEqual(["body.baseUrl"]);
    }
    const res = await create({ name: "bad token", token: "Bearer abc" });
    expect(await fieldsOf(res)).toEqual(["body.token"]);
    expect(await db().klinkConnection.count()).toBe(0);
  });

  it("accepts the documented K-LINK hosts and, outside production, a loopback simulator", async () => {
    expect((await create({ name: "legacy", baseUrl: "https://api.klink.cloud/", token: TOKEN })).status).toBe(201);
    const local = await create({ name: "simulator", baseUrl: "http://127.0.0.1:4010", token: TOKEN });
    expect(local.status).toBe(201);
    expect((await local.json()).baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("requires the fields of the chosen webhook mode and refuses those of another", async () => {
    const missing = await create({ name: "basic", token: TOKEN, webhook: { mode: "basic", username: "klink" } });
    expect(await fieldsOf(missing)).toEqual(["body.webhook.password"]);
    const foreign = await create({
      name: "header",
      token: TOKEN,
      webhook: { mode: "header", headerName: "X-Hook-Key", headerValue: "v", secret: "abcdefgh" },
    });
    expect(await fieldsOf(foreign)).toEqual(["body.webhook.secret"]);
    const ok = await create({
      name: "header2",
      token: TOKEN,
      webhook: { mode: "header", headerName: "X-Hook-Key", headerValue: "hook-value-42" },
    });
    expect((await ok.json()).webhook).toMatchObject({ mode: "header", headerName: "x-hook-key", headerValueSet: true });
  });

  it("answers 409 for a duplicate name", async () => {
    await create({ name: "Twice", token: TOKEN });
    expect((await create({ name: "Twice", token: TOKEN })).status).toBe(409);
  });
});

describe("changing a connection", () => {
  it("replaces the token by PATCH; calls use the new one at once, and the audit names only what was replaced", async () => {
    const { id } = await (await create({ name: "Main", token: TOKEN })).json();
    expect((await resolveConnection(viewer)).token).toBe(TOKEN);
    const res = await patch(id, { token: "kpt_ReplacementToken000111" });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("ReplacementToken");
    expect(JSON.parse(text).tokenHint).toBe("kpt_…0111");
    expect((await resolveConnection(viewer, id)).token).toBe("kpt_ReplacementToken000111");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "connection.update", targetId: id } });
    expect(audit.after).toMatchObject({ replaced: ["token"] });
    expect(JSON.stringify(audit)).not.toMatch(/ReplacementToken|KnownTestToken/);
  });

  it("rotates the webhook signing secret, keeping the previous one valid until it is cleared", async () => {
    const { id } = await (
      await create({ name: "Hooks", token: TOKEN, webhook: { mode: "hmac", secret: "first-secret-aaaa" } })
    ).json();
    await patch(id, { webhook: { secret: "second-secret-bbbb" } });
    expect((await loadWebhookSettings(id))!.secrets).toEqual(["second-secret-bbbb", "first-secret-aaaa"]);
    const cleared = await (await patch(id, { webhook: { clearPreviousSecret: true } })).json();
    expect(cleared.webhook).toMatchObject({ secretLast4: "bbbb", previousSecretSet: false });
    expect((await loadWebhookSettings(id))!.secrets).toEqual(["second-secret-bbbb"]);
  });

  it("switches webhook mode, dropping the old mode's secrets", async () => {
    const { id } = await (
      await create({ name: "Switch", token: TOKEN, webhook: { mode: "hmac", secret: "first-secret-aaaa" } })
    ).json();
    expect(await fieldsOf(await patch(id, { webhook: { mode: "basic" } }))).toEqual([
      "body.webhook.username",
      "body.webhook.password",
    ]);
    await patch(id, { webhook: { mode: "basic", username: "klink", password: "hook-password" } });
    expect(await loadWebhookSettings(id)).toEqual({
      connectionId: id,
      mode: "basic",
      secrets: [],
      username: "klink",
      password: "hook-password",
    });
  });

  it("forgets the circuit breaker of a connection given another base URL or token, or deleted; not of one renamed", async () => {
    const { id } = await (await create({ name: "Breaker", token: TOKEN })).json();
    const breakCircuit = async () => {
      for (let i = 0; i < DEFAULT_CIRCUIT_SETTINGS.failureThreshold; i++)
        await throughCircuit(id, async () => Promise.reject(new KlinkNetworkError("refused"))).catch(() => {});
      expect(circuitState(id)).toBe("open");
    };
    await breakCircuit();
    await patch(id, { name: "Breaker renamed" });
    expect(circuitState(id)).toBe("open");
    await patch(id, { baseUrl: "https://api.klink.cloud" });
    expect(circuitState(id)).toBe("closed");
    await breakCircuit();
    await patch(id, { token: "kpt_AnotherToken0000009999" });
    expect(circuitState(id)).toBe("closed");
    await breakCircuit();
    await deleteConnection(jsonRequest("/x", { method: "DELETE", headers }), idParams(id));
    expect(circuitState(id)).toBe("closed");
  });

  it("moves the default flag, and refuses to leave no default", async () => {
    const first = await (await create({ name: "First", token: TOKEN })).json();
    const second = await (await create({ name: "Second", token: "kpt_SecondToken00002222", isDefault: true })).json();
    expect(second.isDefault).toBe(true);
    expect((await (await getConnection(jsonRequest("/x", { headers }), idParams(first.id))).json()).isDefault).toBe(
      false,
    );
    expect((await resolveConnection(viewer)).id).toBe(second.id);
    const refused = await patch(second.id, { isDefault: false });
    expect(await fieldsOf(refused)).toEqual(["body.isDefault"]);
  });

  it("deletes a connection, handing the default to the remaining one", async () => {
    const first = await (await create({ name: "First", token: TOKEN })).json();
    const second = await (await create({ name: "Second", token: "kpt_SecondToken00002222" })).json();
    const res = await deleteConnection(jsonRequest(`/x`, { method: "DELETE", headers }), idParams(first.id));
    expect(res.status).toBe(204);
    expect((await resolveConnection(viewer)).id).toBe(second.id);
    expect((await getConnection(jsonRequest("/x", { headers }), idParams(first.id))).status).toBe(404);
    expect(await db().auditLog.count({ where: { action: "connection.delete", targetId: first.id } })).toBe(1);
  });

  it("lists connections as {data, nextCursor} without any secret", async () => {
    await create({ name: "A", token: TOKEN, webhook: { mode: "basic", username: "u", password: "basic-password-1" } });
    const text = await (await listConnections(jsonRequest("/api/admin/connections", { headers }))).text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      data: [expect.objectContaining({ name: "A", tokenHint: "kpt_…WXYZ" })],
      nextCursor: null,
    });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("basic-password-1");
  });
});

describe("resolveConnection", () => {
  it("says clearly when no connection is configured, and 404s an unknown id", async () => {
    await expect(resolveConnection(viewer)).rejects.toMatchObject({
      status: 409,
      code: "no_connection",
      message: expect.stringMatching(/No K-LINK connection is configured/),
    });
    await create({ name: "One", token: TOKEN });
    await expect(resolveConnection(viewer, "missing")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a stored connection whose host is no longer allowed", async () => {
    const { id } = await (await create({ name: "One", token: TOKEN })).json();
    await db().klinkConnection.update({ where: { id }, data: { baseUrl: "https://internal.example" } });
    await patch(id, { name: "One again" }); // any change through the API empties the cache
    await expect(resolveConnection(viewer, id)).rejects.toMatchObject({ status: 409, code: "connection_not_allowed" });
  });

  it("gives the webhook receiver nothing for an unknown connection", async () => {
    expect(await loadWebhookSettings("nope")).toBeNull();
  });
});
