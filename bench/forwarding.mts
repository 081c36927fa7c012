// npm run bench:forwarding — the forwarding hub under a steady inbound load, with real parts:
// signed K-LINK deliveries posted to the built console (`npm start`'s server) on SQLite, fanned
// out to 3 destinations on a local receiver, one of which fails half its requests (HTTP 500 to the
// first request of every message, so each needs one retry; failing at random instead would leave
// about one message in 256 failing all eight attempts of the schedule, as a real destination would).
// Halfway, the console is killed (SIGKILL) and started again on the same database. Prints the
// fan-out throughput (acknowledged messages per second) and the end-to-end latency (inbound
// delivery sent → outbound acknowledged, p50/p99) of the healthy destinations, then checks that
// nothing was lost and that each destination acknowledged each message exactly once by its
// `webhook-id`. Retries follow the real schedule (5 s, 5 min, …); so that the run does not wait
// minutes for them, the bench makes pending retries due at once every 2 s after the load ends.
// Settings: BENCH_FORWARD_RATE (inbound/s, default 100), BENCH_FORWARD_SECONDS (per half, 5).
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Pool } from "undici";
import { createDb, type Db } from "../lib/db/client";
import { encryptSecret } from "../lib/crypto/secret-box";
import { encryptWebhook } from "../lib/connections/webhook-config";
import { startConsole, waitFor, type ConsoleServer } from "../scripts/console-process";
import { requireBuild } from "./build-state";
import { printTable } from "./table";

requireBuild("bench:forwarding");

const SECRET = "whsec_bench_forward_0123456789";
const ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
const rate = Number(process.env.BENCH_FORWARD_RATE ?? 100);
const halfSeconds = Number(process.env.BENCH_FORWARD_SECONDS ?? 5);
const DESTINATIONS = ["healthy-a", "healthy-b", "flaky"] as const;
process.env.APP_ENCRYPTION_KEY = ENCRYPTION_KEY;

type Receiver = {
  url: string;
  /** Acknowledgements per destination and webhook-id. */
  acks: Map<string, Map<string, number>>;
  /** End-to-end latencies (ms) of acknowledged messages per destination. */
  latencies: Map<string, number[]>;
  requests: number;
  /** The webhook-ids the flaky destination has refused (once each). */
  refusedOnce: Set<string>;
  firstAck: number;
  lastAck: number;
  server: Server;
};

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    acks: new Map(DESTINATIONS.map((d) => [d, new Map()])),
    latencies: new Map(DESTINATIONS.map((d) => [d, []])),
    requests: 0,
    refusedOnce: new Set(),
    firstAck: Infinity,
    lastAck: 0,
    server: createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        receiver.requests++;
        const destination = (req.url ?? "").slice(1);
        const id = String(req.headers["webhook-id"]);
        if (destination === "flaky" && !receiver.refusedOnce.has(id)) {
          receiver.refusedOnce.add(id);
          return res.writeHead(500).end("flaky");
        }
        const seen = receiver.acks.get(destination)!;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { sentAt: number } };
        const now = Date.now();
        receiver.latencies.get(destination)!.push(now - body.data.sentAt);
        receiver.firstAck = Math.min(receiver.firstAck, now);
        receiver.lastAck = Math.max(receiver.lastAck, now);
        res.writeHead(204).end();
      });
    }),
  };
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}`;
  return receiver;
}

async function setUp(database: Db, receiverUrl: string): Promise<string> {
  const connection = await database.klinkConnection.create({
    data: {
      name: "Benchmark",
      baseUrl: "https://api.klink.cloud",
      tokenCiphertext: encryptSecret("kpt_bench_token_not_used"),
      tokenLast4: "used",
      isDefault: true,
      webhookMode: "hmac",
      webhookCiphertext: encryptWebhook({ secret: SECRET }),
    },
  });
  for (const name of DESTINATIONS) {
    await database.forwardDestination.create({
      data: {
        name,
        url: `${receiverUrl}/${name}`,
        secretCiphertext: encryptSecret(`whsec_${Buffer.alloc(32, 1).toString("base64")}`),
        rateLimitPerSecond: 1000,
        timeoutMs: 5000,
      },
    });
  }
  return connection.id;
}

/** Posts `rate` signed deliveries per second for `seconds` (open loop); resolves with how many were acknowledged. */
async function postSteadily(server: ConsoleServer, connectionId: string, seconds: number): Promise<number> {
  const pool = new Pool(server.url, { connections: 32 });
  const total = Math.round(rate * seconds);
  let accepted = 0;
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    for (; sent < due; sent++) {
      const body = JSON.stringify({
        event: "ticket.update",
        timestamp: new Date().toISOString(),
        data: { id: randomUUID(), sentAt: Date.now() },
      });
      inflight.push(
        pool
          .request({
            method: "POST",
            path: `/api/webhooks/klink/${connectionId}`,
            headers: {
              "content-type": "application/json",
              "x-signature": createHmac("sha256", SECRET).update(body).digest("hex"),
            },
            body,
          })
          .then(async (res) => {
            await res.body.text();
            if (res.statusCode === 200) accepted++;
          })
          .catch(() => undefined),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inflight);
  await pool.close();
  return accepted;
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
};

async function main(): Promise<boolean> {
  const receiver = await startReceiver();
  let server = await startConsole({
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    FORWARD_ALLOW_HTTP_LOOPBACK: "true",
    LOG_LEVEL: "error",
  });
  const database = createDb(server.databaseUrl);
  try {
    const connectionId = await setUp(database, receiver.url);
    console.log(`bench:forwarding: console up, posting ${rate}/s for ${halfSeconds} s`);
    const loadStart = Date.now();
    let accepted = await postSteadily(server, connectionId, halfSeconds);
    console.log(`bench:forwarding: ${accepted} accepted; killing the console`);
    // A crash mid-way: whatever the console held in memory (queued processing, sends in flight) is
    // lost. The new process opens the same, already migrated database (a second migration would
    // contend with this process's open connection to it).
    await server.kill();
    server = await startConsole(
      {
        DATABASE_URL: server.databaseUrl,
        APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
        FORWARD_ALLOW_HTTP_LOOPBACK: "true",
        LOG_LEVEL: "error",
      },
      { migrate: false },
    );
    accepted += await postSteadily(server, connectionId, halfSeconds);
    const loadEnd = Date.now();
    console.log(`bench:forwarding: ${accepted} accepted in all; waiting for every acknowledgement`);

    const expected = accepted * DESTINATIONS.length;
    const acknowledged = () => [...receiver.acks.values()].reduce((n, m) => n + m.size, 0);
    // Leases of the killed process run out after 60 s; pending retries are made due at once.
    await waitFor(
      async () => {
        await database.forwardMessage.updateMany({
          where: { status: "pending", nextAttemptAt: { not: null } },
          data: { nextAttemptAt: new Date() },
        });
        return acknowledged() >= expected;
      },
      180_000,
      () => `acknowledged ${acknowledged()} of ${expected}`,
    );
    const stored = await database.forwardMessage.count();
    const delivered = await database.forwardMessage.count({ where: { status: "delivered" } });
    const twice = [...receiver.acks.values()].reduce((n, m) => n + [...m.values()].filter((c) => c > 1).length, 0);
    const healthy = [...receiver.latencies.get("healthy-a")!, ...receiver.latencies.get("healthy-b")!];
    const healthyAcks = receiver.acks.get("healthy-a")!.size + receiver.acks.get("healthy-b")!.size;

    console.log(
      `\nbench:forwarding — ${rate} inbound/s for 2 × ${halfSeconds} s, killed and restarted in between; 3 destinations, one failing half its requests\n`,
    );
    printTable(
      ["measure", "value"],
      [
        ["inbound deliveries accepted", String(accepted)],
        ["outbound messages expected", String(expected)],
        ["outbound messages stored", String(stored)],
        ["acknowledged (distinct webhook-id per destination)", String(acknowledged())],
        ["acknowledged more than once", String(twice)],
        ["delivered in the database", String(delivered)],
        ["receiver requests (incl. failures and retries)", String(receiver.requests)],
        [
          "fan-out throughput, healthy destinations (acks/s during the load)",
          (healthyAcks / ((loadEnd - loadStart) / 1000)).toFixed(0),
        ],
        ["end-to-end p50, healthy destinations (ms)", percentile(healthy, 0.5).toFixed(0)],
        ["end-to-end p99, healthy destinations (ms)", percentile(healthy, 0.99).toFixed(0)],
      ],
    );
    // Exactly once per webhook-id is the receiver's view; a crash between a send and its record
    // may resend (at-least-once), which the count of acks above 1 would show.
    const ok = stored === expected && acknowledged() === expected && delivered === expected;
    console.log(ok ? "\nnone lost: every message acknowledged by its destination" : "\nMISMATCH: see above");
    return ok;
  } finally {
    await server.stop();
    await database.$disconnect();
    receiver.server.close();
  }
}

process.exit((await main()) ? 0 : 1);
