// A fuzz pass over every JSON route of the console and every K-LINK endpoint of the proxy, with
// real parts (the database of the run, the simulator over a socket): malformed JSON, wrong types,
// lone surrogates in values and keys, NUL, nesting 10 000 deep, 1 MB strings, hostile query and
// path parameters. Nothing answers 5xx, and afterwards the audit log is checked for completeness:
// every write through the proxy (whatever its outcome) and every change an admin route made has
// its record, found by the request's own id. Malformed percent-encoding in paths, through the real
// server, and pages rendering odd stored data are in tests/e2e/hostile-input.e2e.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as users from "../../app/api/admin/users/route";
import * as user from "../../app/api/admin/users/[id]/route";
import * as connections from "../../app/api/admin/connections/route";
import * as connection from "../../app/api/admin/connections/[id]/route";
import * as keys from "../../app/api/keys/route";
import * as audit from "../../app/api/admin/audit/route";
import * as deliveries from "../../app/api/admin/webhooks/deliveries/route";
import * as views from "../../app/api/views/route";
import * as cannedReplies from "../../app/api/canned-replies/route";
import * as follows from "../../app/api/follows/route";
import * as destinations from "../../app/api/admin/destinations/route";
import { setCache } from "../../lib/cache/get-cache";
import { MemoryCache } from "../../lib/cache/memory-cache";
import { endpoints, type EndpointDef, type EndpointName } from "../../lib/klink/registry";
import { resetDatabase, testDb } from "../helpers/db";
import { samples, seedIds } from "../helpers/endpoint-samples";
import { startProxyFixture, type ProxyFixture } from "../helpers/proxy-fixture";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Sent = { requestId: string; what: string; status: number; mustBeAudited: boolean };

let f: ProxyFixture;
let seeds: Awaited<ReturnType<typeof seedIds>>;
const sent: Sent[] = [];
let counter = 0;
const nextRequestId = () => `fuzz-${Date.now().toString(36)}-${++counter}`;

beforeAll(async () => {
  await resetDatabase();
  await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
  f = await startProxyFixture();
  seeds = await seedIds(f);
});
afterAll(async () => {
  await f.stop();
  await setCache(undefined);
});

const MB_STRING = "a".repeat(1024 * 1024);
const DEEP = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;

/** Every string in a JSON-like value, transformed. */
function mapStrings(value: unknown, change: (s: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, change));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)]));
  return value;
}

/** Hostile bodies built from a valid one, as raw request text. */
function hostileBodies(valid: unknown): [string, string][] {
  const object = valid && typeof valid === "object" && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
  const firstKey = Object.keys(object)[0] ?? "name";
  return [
    ["malformed JSON", '{"name":'],
    ["not JSON", "nul"],
    ["a JSON array", "[]"],
    ["a JSON number", "42"],
    ["JSON null", "null"],
    ["wrong types", JSON.stringify(Object.fromEntries(Object.keys(object).map((k) => [k, 12345])))],
    ["objects for strings", JSON.stringify(mapStrings(object, () => ({ nested: true }) as never))],
    ["lone surrogates in values", JSON.stringify(mapStrings(object, (s) => `${s}\ud800`))],
    ["a lone surrogate in a key", JSON.stringify({ ...object, "\udc00": "x" })],
    ["NUL in values", JSON.stringify(mapStrings(object, (s) => `${s}\u0000`))],
    ["nesting 10 000 deep", `{"${firstKey}":${DEEP}}`],
    ["1 MB strings", JSON.stringify(mapStrings({ ...object, note: "" }, () => MB_STRING))],
  ];
}

async function callRoute(
  handler: Handler,
  method: string,
  path: string,
  init: { body?: string; params?: Record<string, string> },
) {
  const requestId = nextRequestId();
  const req = new Request(new URL(path, "http://localhost:3000"), {
    method,
    headers: {
      ...f.users.admin.headers,
      "x-request-id": requestId,
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body,
  });
  const res = await handler(req, { params: Promise.resolve(init.params ?? {}) });
  await res.text();
  return { requestId, status: res.status };
}

describe("fuzz: admin and key routes", () => {
  const routes: {
    name: string;
    handler: Handler;
    method: string;
    path: string;
    body: () => unknown;
    params?: () => Record<string, string>;
  }[] = [
    {
      name: "POST /api/admin/users",
      handler: users.POST as Handler,
      method: "POST",
      path: "/api/admin/users",
      body: () => ({ email: `fuzz${++counter}@example.test`, name: "Fuzz", role: "viewer" }),
    },
    {
      name: "PATCH /api/admin/users/{id}",
      handler: user.PATCH as Handler,
      method: "PATCH",
      path: "/api/admin/users/x",
      body: () => ({ name: "Renamed" }),
      params: () => ({ id: f.users.viewer.user.id }),
    },
    {
      name: "POST /api/admin/connections",
      handler: connections.POST as Handler,
      method: "POST",
      path: "/api/admin/connections",
      body: () => ({ name: `Fuzz ${++counter}`, token: "kpt_FuzzToken000001" }),
    },
    {
      name: "PATCH /api/admin/connections/{id}",
      handler: connection.PATCH as Handler,
      method: "PATCH",
      path: "/api/admin/connections/x",
      body: () => ({ name: "Renamed connection" }),
      params: () => ({ id: f.connectionId }),
    },
    {
      name: "POST /api/keys",
      handler: keys.POST as Handler,
      method: "POST",
      path: "/api/keys",
      body: () => ({ name: "fuzz key" }),
    },
    {
      name: "POST /api/views",
      handler: views.POST as Handler,
      method: "POST",
      path: "/api/views",
      body: () => ({ list: "tickets", name: `Fuzz view ${++counter}`, query: "status=open", shared: true }),
    },
    {
      name: "POST /api/canned-replies",
      handler: cannedReplies.POST as Handler,
      method: "POST",
      path: "/api/canned-replies",
      body: () => ({ name: `Fuzz reply ${++counter}`, body: "Hello {{contact.name}}", shared: true }),
    },
    {
      name: "POST /api/follows",
      handler: follows.POST as Handler,
      method: "POST",
      path: "/api/follows",
      body: () => ({ connection: f.connectionId, record: "ticket:fuzz-ticket", label: "Fuzz", following: true }),
    },
    {
      name: "POST /api/admin/destinations",
      handler: destinations.POST as Handler,
      method: "POST",
      path: "/api/admin/destinations",
      body: () => ({ name: `Fuzz destination ${++counter}`, url: "http://127.0.0.1:9/hooks" }),
    },
  ];

  for (const route of routes) {
    it(`${route.name}: no 5xx for any hostile body, and every change it made is audited`, async () => {
      for (const [what, body] of hostileBodies(route.body())) {
        const { requestId, status } = await callRoute(route.handler, route.method, route.path, {
          body,
          params: route.params?.(),
        });
        sent.push({ requestId, what: `${route.name} ${what}`, status, mustBeAudited: status < 300 });
        expect(status, `${route.name} with ${what}`).toBeLessThan(500);
        if (/surrogate|NUL|nesting|malformed|not JSON/.test(what))
          expect(status, `${route.name} with ${what}`).toBe(400);
      }
    });
  }

  it("path and query parameters with NUL, traversal or a great length: no 5xx", async () => {
    const hostileIds = ["\u0000", "x\u0000y", "../..", "a".repeat(10_000), "%ff", "\ufffd"];
    for (const id of hostileIds) {
      for (const [handler, method, body] of [
        [user.GET, "GET", undefined],
        [user.PATCH, "PATCH", '{"name":"X"}'],
        [connection.GET, "GET", undefined],
        [connection.DELETE, "DELETE", undefined],
      ] as [Handler, string, string | undefined][]) {
        const { status, requestId } = await callRoute(handler, method, "/api/admin/users/x", { body, params: { id } });
        sent.push({
          requestId,
          what: `${method} id ${JSON.stringify(id.slice(0, 8))}`,
          status,
          mustBeAudited: status < 300,
        });
        expect(status, `${method} with id ${JSON.stringify(id.slice(0, 12))}`).toBeLessThan(500);
      }
    }
    for (const query of [
      "actor=%00",
      "cursor=%00x",
      "limit=abc",
      "from=%F0%9F",
      "action=%ED%A0%80",
      `target=${"z".repeat(100_000)}`,
    ]) {
      for (const [name, handler] of [
        ["audit", audit.GET],
        ["deliveries", deliveries.GET],
        ["users", users.GET],
        ["keys", keys.GET],
      ] as [string, Handler][]) {
        const { status } = await callRoute(handler, "GET", `/api/${name}?${query}`, {});
        expect(status, `${name}?${query.slice(0, 20)}`).toBeLessThan(500);
      }
    }
  });
});

describe("fuzz: every K-LINK endpoint through the proxy", () => {
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const def: EndpointDef = endpoints[name];
    it(`${def.method} ${name}: no 5xx for any hostile body, query or id`, async () => {
      const sample = await samples[name](f, seeds);
      const variants: [string, string, string | undefined][] = [];
      if (def.body) for (const [what, body] of hostileBodies(sample.body)) variants.push([what, sample.path, body]);
      const [pathOnly, query = ""] = sample.path.split("?");
      variants.push(["NUL in the query", `${pathOnly}?${query}&pageSize=%00&unknown=%00`, undefined]);
      variants.push(["wrong query types", `${pathOnly}?page=-1&pageSize=abc&status[]=x`, undefined]);
      variants.push(["invalid UTF-8 in the query", `${pathOnly}?q=%ff%fe`, undefined]);
      if (def.path.includes("{"))
        for (const id of ["%00", "%ff%fe", "..", "%2e%2e", "a".repeat(5000)])
          variants.push([
            `id ${id.slice(0, 8)}`,
            pathOnly.replace(/\/[^/]+(\/(status|tags))?$/, `/${id}$1`),
            sample.body === undefined ? undefined : JSON.stringify(sample.body),
          ]);
      for (const [what, path, body] of variants) {
        const requestId = nextRequestId();
        const answer = await f.call(def.method, path, {
          as: "admin",
          via: "session",
          rawBody: body,
          headers: {
            "x-request-id": requestId,
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
            ...sample.headers,
          },
        });
        // Every write through the proxy is audited, valid or not, K-LINK's answer whatever it was;
        // a path that names no endpoint at all (a bad escape, `..`) is no write.
        const namesNoEndpoint = /No K-LINK endpoint has this path|is not available on this path/.test(answer.text);
        sent.push({
          requestId,
          what: `${name} ${what}`,
          status: answer.status,
          mustBeAudited: def.method !== "GET" && !namesNoEndpoint,
        });
        expect(answer.status, `${def.method} ${name} with ${what}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
      }
    });
  }
});

describe("fuzz: the audit log afterwards", () => {
  it("holds a record for every request that had to leave one: none lost", async () => {
    const expected = sent.filter((s) => s.mustBeAudited);
    expect(expected.length).toBeGreaterThan(100);
    const rows = await testDb().auditLog.findMany({
      where: { requestId: { in: expected.map((s) => s.requestId) } },
      select: { requestId: true, details: true },
    });
    const recorded = new Set(rows.map((r) => r.requestId));
    const lost = expected.filter((s) => !recorded.has(s.requestId)).map((s) => `${s.what} (${s.status})`);
    expect(lost).toEqual([]);
    // Sanitising made every full record storable: none needed the minimal fallback.
    expect(rows.filter((r) => (r.details as { auditFallback?: boolean } | null)?.auditFallback)).toEqual([]);
  });
});
