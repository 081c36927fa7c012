// A K-LINK simulator on a real socket, a connection to it in the test database, and signed-in
// users of each role, for driving the proxy route handlers with real Requests.
import * as proxyRoute from "../../app/api/klink/v1/[...path]/route";
import type { Role } from "../../lib/identity/roles";
import { insertConnection } from "../../lib/connections/create-connection";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { signedInAs } from "./auth";

export const SIM_TOKEN = "kpt_proxytests0123456789abcdef";
export const REFERENCE_TIME = "2026-01-31T00:00:00.000Z";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
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
export async function startProxyFixture(options: { webhookSecret?: string } = {}): Promise<ProxyFixture> {
  const sim = await startSimulator({ tokens: [SIM_TOKEN], referenceTime: REFERENCE_TIME });
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
    const req = new Request(new URL(path, "http://localhost:3000"), { method, headers, body });
    const response = await proxyRoute[method](req, {
      params: Promise.resolve({ path: new URL(req.url).pathname.split("/").slice(4) }),
    });
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

  return { sim, connectionId, users, seen, call, control, addConnection, stop: () => sim.stop() };
}
