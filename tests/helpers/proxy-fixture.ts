// A K-LINK simulator on a real socket, a connection to it in the test database, and signed-in
// users of each role, for driving the proxy through either front door: the route handlers called
// with real Requests, or the console server's own handler (lib/doors/proxy-front-door.ts) on a
// real loopback socket, which takes reads and leaves everything else to the route handlers, as
// scripts/serve.mjs does with Next.js.
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";
import * as proxyRoute from "../../app/api/klink/v1/[...path]/route";
import { nodeProxyEndpoint } from "../../lib/doors/proxy-front-door";
import type { Role } from "../../lib/identity/roles";
import { insertConnection } from "../../lib/connections/create-connection";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { signedInAs } from "./auth";

export const SIM_TOKEN = "kpt_proxytests0123456789abcdef";
export const REFERENCE_TIME = "2026-01-31T00:00:00.000Z";

type Method = "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE";

export type ProxyDoor = "the route handler" | "the console server";
/** Both front doors, for proxy tests that must hold for each (describe.each). */
export const PROXY_DOORS: ProxyDoor[] = ["the route handler", "the console server"];
export type CallOptions = {
  as?: Role;
  via?: "key" | "session" | "none";
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  origin?: string | null;
};
export type ProxyAnswer = { status: number; headers: Headers; text: string; json: unknown };

export type ProxyFixture = {
  sim: RunningSimulator;
  connectionId: string;
  users: Record<Role, Awaited<ReturnType<typeof signedInAs>>>;
  /** Every response text and header block seen, for the token-absence check. */
  seen: string[];
  call(method: Method, path: string, options?: CallOptions): Promise<ProxyAnswer>;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  addConnection(name: string, baseUrl: string): Promise<string>;
  stop(): Promise<void>;
};

/** `webhookSecret`: the fixture's connection verifies K-LINK webhooks with this hmac secret. */
export async function startProxyFixture(
  options: { webhookSecret?: string; door?: ProxyDoor } = {},
): Promise<ProxyFixture> {
  const sim = await startSimulator({ tokens: [SIM_TOKEN], referenceTime: REFERENCE_TIME });
  const served = options.door === "the console server" ? await serveConsole() : undefined;
  const noAudit = async () => "";
  const webhook = options.webhookSecret ? { mode: "hmac" as const, secret: options.webhookSecret } : undefined;
  const addConnection = async (name: string, baseUrl: string) =>
    (await insertConnection({ name, baseUrl, token: SIM_TOKEN, webhook }, noAudit)).id;
  const connectionId = await addConnection(`sim-${Date.now()}`, sim.url);
  const users = {
    viewer: await signedInAs("viewer"),
    agent: await signedInAs("agent"),
    admin: await signedInAs("admin"),
  };
  const seen: string[] = [];

  async function call(method: Method, path: string, options: CallOptions = {}): Promise<ProxyAnswer> {
    const role = options.as ?? "admin";
    const via = options.via ?? "key";
    const headers: Record<string, string> = {
      "user-agent": "proxy-tests/1.0",
      "x-forwarded-for": "203.0.113.7",
      ...options.headers,
    };
    if (via === "key") headers.authorization = `Bearer ${users[role].apiKey}`;
    if (via === "session") {
      Object.assign(headers, users[role].headers);
      if (options.origin === null) delete headers.origin;
      else if (options.origin) headers.origin = options.origin;
    }
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    const response = served
      ? await fetch(new URL(path, served.url), { method, headers, body })
      : await routeHandlerAnswer(new Request(new URL(path, "http://localhost:3000"), { method, headers, body }));
    const text = await response.text();
    seen.push(text, JSON.stringify([...response.headers]));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator control ${method} ${path} answered ${res.status}`);
    return (await res.json()) as T;
  }

  const stop = async () => {
    await served?.close();
    await sim.stop();
  };
  return { sim, connectionId, users, seen, call, control, addConnection, stop };
}

/** The route handler of the request's method, as Next.js calls it (HEAD: Next.js answers it with GET's handler). */
function routeHandlerAnswer(req: Request): Promise<Response> {
  const handler = req.method === "HEAD" ? proxyRoute.GET : proxyRoute[req.method as Exclude<Method, "HEAD">];
  return handler(req, { params: Promise.resolve({ path: new URL(req.url).pathname.split("/").slice(4) }) });
}

/** The console server's arrangement: its own handler first, the route handlers for all it leaves. */
async function serveConsole(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    if (nodeProxyEndpoint(incoming, outgoing)) return;
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(new URL(incoming.url ?? "/", "http://localhost:3000"), {
      method: incoming.method,
      headers: Object.entries(incoming.headers).flatMap(([k, v]) =>
        Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]],
      ) as [string, string][],
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
    void routeHandlerAnswer(request).then(async (response) => {
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
