// Shared pieces of the webhook tests: signing like K-LINK does, and the endpoint built with test
// dependencies (the real database, settings handed in by the test), through either front door:
// the Next.js route handler (called in process) or the console server's own handler
// (lib/doors/webhook-front-door.ts, served on a real loopback socket).
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { db } from "../../lib/db/client";
import { databaseProvider, type DatabaseProvider } from "../../lib/db/provider";
import type { Db } from "../../lib/db/client";
import type { ClaimedDelivery, DeliveryProcessor } from "../../lib/webhooks/process-deliveries";
import { createDeliveryWriter } from "../../lib/webhooks/delivery-writer";
import { createNodeWebhookEndpoint } from "../../lib/doors/webhook-front-door";
import { createWebhookEndpoint } from "../../lib/doors/webhook-route";
import type { WebhookEndpointDeps } from "../../lib/webhooks/webhook-endpoint";
import type { WebhookSettings } from "../../lib/connections/webhook-settings";

export const SECRET = "whsec_test_0123456789abcdef";

export const sign = (body: string | Buffer, secret = SECRET) => createHmac("sha256", secret).update(body).digest("hex");

let counter = 0;
/** A K-LINK envelope, unique per call unless told otherwise (the body hash is the dedupe key). */
export function envelope(
  event = "ticket.update",
  data: Record<string, unknown> = { id: `t-${++counter}`, contactId: "c-1" },
  timestamp = new Date().toISOString(),
) {
  return JSON.stringify({ event, timestamp, data });
}

export function hmacSettings(connectionId: string, secrets: string[] = [SECRET]): WebhookSettings {
  return { connectionId, mode: "hmac", secrets };
}

export type EndpointSetup = {
  settings?: Record<string, WebhookSettings>;
  /** Another database than the run's (with its provider). */
  database?: { db: Db; provider: DatabaseProvider };
  processor?: Pick<DeliveryProcessor, "leaseForNewRow" | "enqueue">;
  allowUnauthenticated?: boolean;
  retentionDays?: number;
  loadSettings?: (id: string) => Promise<WebhookSettings | null>;
  /** The per-address budget of rejected deliveries (default: none, every rejection stored). */
  rejections?: WebhookEndpointDeps["rejections"];
};

function endpointDeps(setup: EndpointSetup): WebhookEndpointDeps {
  const database = setup.database?.db ?? db();
  const writer = createDeliveryWriter(database, setup.database?.provider ?? testProvider());
  return {
    loadSettings: setup.loadSettings ?? (async (id) => setup.settings?.[id] ?? null),
    db: () => database,
    writer: () => writer,
    processor: setup.processor ? () => setup.processor! : undefined,
    allowUnauthenticated: () => setup.allowUnauthenticated ?? false,
    retentionDays: () => setup.retentionDays ?? 30,
    rejections: setup.rejections,
  };
}

/** The route handler of one console instance (its own group-commit writer). */
export function makeEndpoint(setup: EndpointSetup = {}) {
  return createWebhookEndpoint(endpointDeps(setup));
}

/** The console server's own handler of one instance, listening on loopback; anything it does not take answers 404. */
export type ServedEndpoint = { served: Promise<{ url: string }> };

const servers: Server[] = [];

export function makeServedEndpoint(setup: EndpointSetup = {}): ServedEndpoint {
  const handle = createNodeWebhookEndpoint(endpointDeps(setup));
  const server = createServer((req, res) => void (handle(req, res) || res.writeHead(404).end()));
  servers.push(server);
  const served = new Promise<{ url: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
  return { served };
}

/** Closes every endpoint makeServedEndpoint opened. */
export async function closeServedEndpoints(): Promise<void> {
  const open = servers.splice(0);
  await Promise.all(
    open.map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))),
  );
}

export type TestEndpoint = ReturnType<typeof makeEndpoint> | ServedEndpoint;

/** Both front doors, for tests that must hold for each. */
export const FRONT_DOORS = [
  ["the route handler", makeEndpoint],
  ["the console server", makeServedEndpoint],
] as const satisfies readonly (readonly [string, (setup?: EndpointSetup) => TestEndpoint])[];

/** The provider of the run's database (SQLite, or PostgreSQL with TEST_DATABASE_URL). */
export const testProvider = () => databaseProvider(process.env.DATABASE_URL!);

/** A processor that only records what it is handed (processing itself is tested elsewhere). */
export function recordingProcessor(accepting = true) {
  const queued: ClaimedDelivery[] = [];
  return {
    queued,
    leaseForNewRow: () => (accepting ? new Date(Date.now() + 60_000) : null),
    enqueue: (delivery: ClaimedDelivery) => void queued.push(delivery),
  };
}

export async function post(
  endpoint: TestEndpoint,
  connectionId: string,
  body: string | Buffer | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "15.235.232.70", ...headers },
    body: body as BodyInit,
  };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res =
    "served" in endpoint
      ? await fetch(`${(await endpoint.served).url}/api/webhooks/klink/${encodeURIComponent(connectionId)}`, init)
      : await endpoint(new Request(`http://localhost/api/webhooks/klink/${connectionId}`, init), {
          params: Promise.resolve({ connectionId }),
        });
  return { res, json: (await res.json()) as Record<string, unknown> };
}

export async function postSigned(endpoint: TestEndpoint, connectionId: string, body: string, secret = SECRET) {
  return post(endpoint, connectionId, body, { "x-signature": sign(body, secret) });
}
