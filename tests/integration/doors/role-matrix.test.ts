import { beforeAll, describe, expect, it } from "vitest";
import * as users from "../../../app/api/admin/users/route";
import * as user from "../../../app/api/admin/users/[id]/route";
import * as connections from "../../../app/api/admin/connections/route";
import * as connection from "../../../app/api/admin/connections/[id]/route";
import * as connectionTest from "../../../app/api/admin/connections/[id]/test/route";
import * as keys from "../../../app/api/keys/route";
import * as key from "../../../app/api/keys/[id]/route";
import { insertConnection } from "../../../lib/connections/create-connection";
import { startSimulator } from "../../../lib/klink/simulator";
import { systemAudit } from "../../../lib/audit/request-audit";
import { resetDatabase } from "../../helpers/db";
import { browserHeaders, createTestApiKey, createTestUser, jsonRequest } from "../../helpers/auth";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Case = {
  name: string;
  handler: Handler;
  method: string;
  path: string;
  body?: () => unknown;
  params?: () => Record<string, string>;
};

const ROLES = ["anonymous", "viewer", "agent", "admin"] as const;
const fixtures = { userId: "", connectionIds: [] as string[] };
let unique = 0;
const next = () => ++unique;

const ADMIN_ROUTES: Case[] = [
  { name: "GET /api/admin/users", handler: users.GET as Handler, method: "GET", path: "/api/admin/users" },
  {
    name: "POST /api/admin/users",
    handler: users.POST as Handler,
    method: "POST",
    path: "/api/admin/users",
    body: () => ({ email: `m${next()}@example.test`, name: "M", role: "viewer" }),
  },
  {
    name: "GET /api/admin/users/{id}",
    handler: user.GET as Handler,
    method: "GET",
    path: "/api/admin/users/x",
    params: () => ({ id: fixtures.userId }),
  },
  {
    name: "PATCH /api/admin/users/{id}",
    handler: user.PATCH as Handler,
    method: "PATCH",
    path: "/api/admin/users/x",
    params: () => ({ id: fixtures.userId }),
    body: () => ({ name: `Renamed ${next()}` }),
  },
  {
    name: "GET /api/admin/connections",
    handler: connections.GET as Handler,
    method: "GET",
    path: "/api/admin/connections",
  },
  {
    name: "POST /api/admin/connections",
    handler: connections.POST as Handler,
    method: "POST",
    path: "/api/admin/connections",
    body: () => ({ name: `C${next()}`, token: "kpt_MatrixToken0001" }),
  },
  {
    name: "GET /api/admin/connections/{id}",
    handler: connection.GET as Handler,
    method: "GET",
    path: "/api/admin/connections/x",
    params: () => ({ id: fixtures.connectionIds[0] }),
  },
  {
    name: "PATCH /api/admin/connections/{id}",
    handler: connection.PATCH as Handler,
    method: "PATCH",
    path: "/api/admin/connections/x",
    params: () => ({ id: fixtures.connectionIds[0] }),
    body: () => ({ token: "kpt_MatrixToken0002" }),
  },
  {
    name: "POST /api/admin/connections/{id}/test",
    handler: connectionTest.POST as Handler,
    method: "POST",
    path: "/api/admin/connections/x/test",
    params: () => ({ id: fixtures.connectionIds[3] }),
  },
  {
    name: "DELETE /api/admin/connections/{id}",
    handler: connection.DELETE as Handler,
    method: "DELETE",
    path: "/api/admin/connections/x",
    params: () => ({ id: fixtures.connectionIds[2] }),
  },
];

const headersOf: Partial<Record<(typeof ROLES)[number], Record<string, string>>> = {};

beforeAll(async () => {
  await resetDatabase();
  for (const role of ["viewer", "agent", "admin"] as const)
    headersOf[role] = await browserHeaders(await createTestUser(role));
  headersOf.anonymous = { origin: "http://localhost:3000" };
  fixtures.userId = (await createTestUser("viewer")).id;
  for (let i = 0; i < 3; i++)
    fixtures.connectionIds.push(
      (await insertConnection({ name: `fixture ${i}`, token: "kpt_FixtureToken000" }, systemAudit())).id,
    );
  // The test route calls out: point it at a loopback port nobody listens on (answers "unreachable" at once).
  const gone = await startSimulator({ tokens: ["kpt_FixtureToken000"] });
  await gone.stop();
  fixtures.connectionIds.push(
    (await insertConnection({ name: "fixture test", baseUrl: gone.url, token: "kpt_FixtureToken000" }, systemAudit()))
      .id,
  );
});

describe("role matrix: every admin route × anonymous, viewer, agent, admin", () => {
  for (const route of ADMIN_ROUTES) {
    it(`${route.name}: 401 anonymous, 403 viewer and agent, allowed for admin`, async () => {
      const statuses: Record<string, number> = {};
      for (const role of ROLES) {
        const req = jsonRequest(route.path, { method: route.method, headers: headersOf[role], body: route.body?.() });
        statuses[role] = (await route.handler(req, { params: Promise.resolve(route.params?.() ?? {}) })).status;
      }
      expect(statuses.anonymous).toBe(401);
      expect(statuses.viewer).toBe(403);
      expect(statuses.agent).toBe(403);
      expect(statuses.admin).toBeGreaterThanOrEqual(200);
      expect(statuses.admin).toBeLessThan(300);
    });
  }

  it("gives an admin's API key the same admin access", async () => {
    const admin = await createTestUser("admin");
    const { key: apiKey } = await createTestApiKey(admin.id);
    expect(
      (await users.GET(jsonRequest("/api/admin/users", { headers: { authorization: `Bearer ${apiKey}` } }))).status,
    ).toBe(200);
  });
});

describe("personal key routes × roles", () => {
  it("are open to every signed-in role and closed to anonymous callers", async () => {
    for (const role of ROLES) {
      const list = await keys.GET(jsonRequest("/api/keys", { headers: headersOf[role] }));
      const created = await keys.POST(
        jsonRequest("/api/keys", { method: "POST", headers: headersOf[role], body: { name: "k" } }),
      );
      expect([role, list.status, created.status]).toEqual([role, ...(role === "anonymous" ? [401, 401] : [200, 201])]);
      if (role !== "anonymous") {
        const { id } = await created.json();
        const revoked = await key.DELETE(
          jsonRequest(`/api/keys/${id}`, { method: "DELETE", headers: headersOf[role] }),
          { params: Promise.resolve({ id }) },
        );
        expect(revoked.status).toBe(200);
      }
    }
  });
});
