import { beforeAll, describe, expect, it } from "vitest";
import * as users from "../../../app/api/admin/users/route";
import * as user from "../../../app/api/admin/users/[id]/route";
import * as connections from "../../../app/api/admin/connections/route";
import * as connection from "../../../app/api/admin/connections/[id]/route";
import * as connectionTest from "../../../app/api/admin/connections/[id]/test/route";
import * as destinations from "../../../app/api/admin/destinations/route";
import * as keys from "../../../app/api/keys/route";
import * as key from "../../../app/api/keys/[id]/route";
import { insertConnection } from "../../../lib/connections/create-connection";
import { startSimulator } from "../../../lib/klink/simulator";
import { systemAudit } from "../../../lib/audit/request-audit";
import { SESSION_ONLY, type SessionOnlyOperation } from "../../../lib/identity/session-only";
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
  /** Refused to API keys whatever their role (lib/identity/session-only.ts). */
  sessionOnly?: SessionOnlyOperation;
};

const ROLES = ["anonymous", "viewer", "agent", "admin"] as const;
const fixtures = { userId: "", connectionIds: [] as string[] };
let unique = 0;
const next = () => ++unique;

const ADMIN_ROUTES: Case[] = [
  { name: "GET /api/admin/users", handler: users.GET as Handler, method: "GET", path: "/api/admin/users" },
  {
    name: "POST /api/admin/users",
    sessionOnly: "users.create",
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
    sessionOnly: "users.update",
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
    sessionOnly: "connections.create",
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
    sessionOnly: "connections.update",
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
    sessionOnly: "connections.delete",
    handler: connection.DELETE as Handler,
    method: "DELETE",
    path: "/api/admin/connections/x",
    params: () => ({ id: fixtures.connectionIds[2] }),
  },
  {
    name: "GET /api/admin/destinations",
    handler: destinations.GET as Handler,
    method: "GET",
    path: "/api/admin/destinations",
  },
  {
    name: "POST /api/admin/destinations",
    sessionOnly: "destinations.manage",
    handler: destinations.POST as Handler,
    method: "POST",
    path: "/api/admin/destinations",
    body: () => ({ name: `D${next()}`, url: "http://127.0.0.1:9/hooks" }),
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

  it("gives an admin's API key the same admin access, except where only a signed-in person may act", async () => {
    const admin = await createTestUser("admin");
    const { key: apiKey } = await createTestApiKey(admin.id);
    for (const route of ADMIN_ROUTES) {
      const req = jsonRequest(route.path, {
        method: route.method,
        headers: { authorization: `Bearer ${apiKey}` },
        body: route.body?.(),
      });
      const res = await route.handler(req, { params: Promise.resolve(route.params?.() ?? {}) });
      if (route.sessionOnly) {
        expect([route.name, res.status, (await res.json()).code]).toEqual([route.name, 403, "session_required"]);
      } else {
        expect([route.name, res.status < 300]).toEqual([route.name, true]);
      }
    }
  });

  it("names every session-only operation of an admin route in this matrix", () => {
    const covered = new Set(ADMIN_ROUTES.map((route) => route.sessionOnly).filter(Boolean));
    // The other two have routes of their own (keys) or only pages (sign out everywhere).
    const elsewhere = ["api_keys.create", "users.sign_out_everywhere"];
    expect([...covered, ...elsewhere].sort()).toEqual(Object.keys(SESSION_ONLY).sort());
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
