// The console server's own handler of K-LINK proxy reads (lib/doors/proxy-front-door.ts): what it
// leaves to Next.js, and that what it answers is the route handler's answer (status, body,
// headers), with the same request id, metrics and log line. Everything else the proxy does is
// tested through both doors in tests/integration/klink-data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import { nodeProxyEndpoint } from "../../../lib/doors/proxy-front-door";
import { logger } from "../../../lib/log/logger";
import { metrics } from "../../../lib/metrics/registry";
import { db } from "../../../lib/db/client";
import { resetDatabase } from "../../helpers/db";
import { startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

let routeDoor: ProxyFixture;
let serverDoor: ProxyFixture;
let bare: Server;
let bareUrl: string;

beforeAll(async () => {
  await resetDatabase();
  routeDoor = await startProxyFixture();
  serverDoor = await startProxyFixture({ door: "the console server" });
  // The front door alone: whatever it leaves to Next.js answers 418 here.
  bare = createServer((req, res) => void (nodeProxyEndpoint(req, res) || res.writeHead(418).end()));
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
});
afterAll(async () => {
  bare.closeAllConnections();
  await new Promise((resolve) => bare.close(resolve));
  await routeDoor?.stop();
  await serverDoor?.stop();
});

// Headers only an HTTP server adds (the route handler is called in process here).
const TRANSPORT = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
// The connection and K-LINK's own request id differ between the two fixtures by design.
const headersOf = (headers: Headers) =>
  Object.fromEntries(
    [...headers]
      .filter(([name]) => !TRANSPORT.has(name) && name !== "x-klink-connection")
      // The age of a cached entry is whole seconds since it was stored: a second may pass between the two.
      .map(([name, value]) => [name, name === "x-upstream-request-id" ? "(K-LINK's)" : name === "age" ? "(s)" : value]),
  );

describe("the console server's proxy front door", () => {
  it("leaves writes, other paths and paths Next.js would see differently to Next.js", async () => {
    const key = { authorization: `Bearer ${serverDoor.users.admin.apiKey}` };
    for (const [method, path] of [
      ["POST", "/api/klink/v1/tickets"],
      ["DELETE", "/api/klink/v1/contacts/c-1"],
      ["OPTIONS", "/api/klink/v1/tickets"],
      ["GET", "/api/klink/v1/tickets/"],
      ["GET", "/api/klink/v1//tickets"],
      ["GET", "/api/klink/v1/contacts/../tickets"],
      ["GET", "/api/klink/v1/contacts/%2e%2e/tickets"],
      ["GET", "/api/klink/v2/tickets"],
      ["GET", "/api/klinkx/v1/tickets"],
      ["GET", "/api/health"],
    ] as const) {
      const res = await rawRequest(method, path, key);
      expect([method, path, res]).toEqual([method, path, 418]);
    }
    expect(await rawRequest("GET", "/api/klink/v1/tickets?pageSize=2", key)).toBe(200);
    expect(await rawRequest("GET", "/api/klink/v1/no-such-thing", key)).toBe(404);
  });

  it("answers a read as the route handler does: status, body and headers", async () => {
    for (const path of [
      "/api/klink/v1/tickets?page=1&pageSize=5",
      "/api/klink/v1/categories",
      "/api/klink/v1/tickets?pageSize=500",
      "/api/klink/v1/no-such-thing",
      "/api/klink/v1/contacts/no-such-contact",
    ]) {
      for (const as of ["viewer", "admin"] as const) {
        const headers = { "x-request-id": "req-same-answer-0001" };
        // Twice each: the second is a cache hit where the first was a miss.
        for (let i = 0; i < 2; i++) {
          // Each fixture has its own connection (and so its own cache entries).
          const on = (f: ProxyFixture) => `${path}${path.includes("?") ? "&" : "?"}connection=${f.connectionId}`;
          const viaRoute = await routeDoor.call("GET", on(routeDoor), { as, headers });
          const viaServer = await serverDoor.call("GET", on(serverDoor), { as, headers });
          expect([path, viaServer.status, viaServer.json]).toEqual([path, viaRoute.status, viaRoute.json]);
          expect(headersOf(viaServer.headers)).toEqual(headersOf(viaRoute.headers));
        }
      }
    }
  });

  it("answers HEAD with GET's status and headers and no body", async () => {
    const get = await serverDoor.call("GET", "/api/klink/v1/tags", { as: "viewer" });
    const head = await serverDoor.call("HEAD", "/api/klink/v1/tags", { as: "viewer" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(head.headers.get("x-cache")).toBe("HIT");
    expect(head.headers.get("content-type")).toBe("application/json");
  });

  it("authenticates with the session cookie and refuses a session that was ended", async () => {
    const viewer = serverDoor.users.viewer;
    const ok = await serverDoor.call("GET", "/api/klink/v1/tags", { as: "viewer", via: "session" });
    expect(ok.status).toBe(200);
    await db()
      .user.update({ where: { id: viewer.user.id }, data: { sessionVersion: { increment: 1 } } })
      .catch(() => undefined);
    // The user is kept a few seconds (lib/auth/current-user.ts): ask until it counts.
    await expect
      .poll(async () => (await serverDoor.call("GET", "/api/klink/v1/tags", { as: "viewer", via: "session" })).status, {
        timeout: 8_000,
        interval: 250,
      })
      .toBe(401);
    expect((await serverDoor.call("GET", "/api/klink/v1/tags", { via: "none" })).status).toBe(401);
  });

  it("keeps a well-formed request id, counts the request under the endpoint's template and logs one request line", async () => {
    const info = vi.spyOn(logger, "info");
    try {
      // K-LINK's own 404 for a contact it does not know, passed on.
      const before = await countOf("/api/klink/v1/tickets/contact/{contactId}", 404);
      const res = await fetch(`${bareUrl}/api/klink/v1/tickets/contact/c-front-door?pageSize=2`, {
        headers: { authorization: `Bearer ${serverDoor.users.viewer.apiKey}`, "x-request-id": "req-from-proxy-0001" },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("x-request-id")).toBe("req-from-proxy-0001");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await countOf("/api/klink/v1/tickets/contact/{contactId}", 404)).toBe(before + 1);
      expect(info).toHaveBeenCalledWith(
        { method: "GET", path: "/api/klink/v1/tickets/contact/c-front-door", status: 404, ms: expect.any(Number) },
        "request",
      );
    } finally {
      info.mockRestore();
    }
  });
});

async function rawRequest(method: string, path: string, headers: Record<string, string>): Promise<number> {
  // fetch would normalize "..", "%2e%2e" and "//" before sending: write the request line by hand.
  const { request } = await import("node:http");
  const { port } = new URL(bareUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function countOf(route: string, status: number): Promise<number> {
  const metric = await metrics().httpRequests.get();
  return (
    metric.values.find(
      (v) => v.labels.route === route && v.labels.method === "GET" && v.labels.status === String(status),
    )?.value ?? 0
  );
}
