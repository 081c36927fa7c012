// npm run bench:forwarding — the forwarding hub under a steady inbound load, with real parts:
// signed K-LINK deliveries posted open-loop to the built console (`npm start`'s server) on a fresh
// SQLite file, fanned out to 3 destinations on a local receiver. Two of them answer 204 at once;
// the third ("flaky") refuses the first request of every message with HTTP 500, so half its
// requests fail and each of its messages needs exactly one retry (failing at random instead would
// leave about one message in 256 failing all eight attempts of the schedule, as a real
// destination would). Retries follow the real schedule: the first one comes about 5 s (±20 %)
// after the failure, picked up by the console's 2 s forwarding sweep, so the flaky destination's
// latency is that wait, not the console's speed. Nothing is made due early, except in the kill
// run the few messages described below.
//
// Two runs, each on a fresh console process and database:
//   steady  BENCH_FORWARD_SECONDS of load, no crash. Fails unless every message is acknowledged
//           exactly once per destination (none lost, not one duplicate by `webhook-id`).
//   kill    the same load in two halves; at the end of the first half the console is killed
//           (SIGKILL, while requests and sends are still in flight) and started again on the same
//           database. The messages the dead process held a lease on at that moment are counted
//           from the database right after the kill: their sends may have reached a receiver
//           whose acknowledgement was never recorded, so they are sent again after the lease
//           (60 s) runs out, with the same `webhook-id` (at-least-once). Fails if a message is
//           lost, or if a message was acknowledged twice without having been held by the dead
//           process (so duplicates never exceed the messages held). A held message whose send to
//           the flaky destination never left the dead process had that attempt counted: its next
//           send is the flaky one's first (refused), and the retry after that is 5 min away; the
//           bench makes those due once the leases have run out, and says how many.
// Prints the fan-out throughput (healthy destinations' acknowledgements per second, from the
// first inbound post to the last of them, beside the rate the load demands) and the end-to-end
// latency (inbound delivery posted → outbound acknowledged, p50/p99), for the healthy
// destinations and for the flaky one.
// Settings: BENCH_FORWARD_RATE (inbound/s, default 100), BENCH_FORWARD_SECONDS (load per run, 10;
// the kill run splits it in two halves), BENCH_FORWARD_RUNS (default "steady,kill").
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { cpus, loadavg } from "node:os";
import { Pool } from "undici";
import { createDb, type Db } from "../lib/db/client";
import { encryptSecret } from "../lib/crypto/secret-box";
import { encryptWebhook } from "../lib/connections/webhook-config";
import { startConsole, waitFor, type ConsoleServer } from "../scripts/console-process";
import { requireBuild } from "./build-state";
import { percentile } from "./closed-loop";
import { printTable } from "./table";

requireBuild("bench:forwarding");

const SECRET = "whsec_bench_forward_0123456789";
const ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
const rate = Number(process.env.BENCH_FORWARD_RATE ?? 100);
const seconds = Number(process.env.BENCH_FORWARD_SECONDS ?? 10);
const HEALTHY = ["healthy-a", "healthy-b"] as const;
const FLAKY = "flaky";
const DESTINATIONS = [...HEALTHY, FLAKY];
// The killed process's leases (60 s) must run out before its messages go again.
const SETTLE_TIMEOUT_MS = 240_000;
const LEASE_MS = 60_000;
const CONSOLE_ENV = { APP_ENCRYPTION_KEY: ENCRYPTION_KEY, FORWARD_ALLOW_HTTP_LOOPBACK: "true", LOG_LEVEL: "error" };
process.env.APP_ENCRYPTION_KEY = ENCRYPTION_KEY;
// Other processes on a small machine change every figure; the output says how busy it was.
const loadAtStart = loadavg()[0];

type Receiver = {
  url: string;
  /** Acknowledgements per destination and webhook-id. */
  acks: Map<string, Map<string, number>>;
  /** End-to-end latencies (ms) of acknowledged messages per destination. */
  latencies: Map<string, number[]>;
  /** Time of the last acknowledgement per destination. */
  lastAck: Map<string, number>;
  requests: number;
  /** The webhook-ids the flaky destination has refused (once each). */
  refusedOnce: Set<string>;
  server: Server;
};

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    acks: new Map(DESTINATIONS.map((d) => [d, new Map()])),
    latencies: new Map(DESTINATIONS.map((d) => [d, []])),
    lastAck: new Map(),
    requests: 0,
    refusedOnce: new Set(),
    server: createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        receiver.requests++;
        const destination = (req.url ?? "").slice(1);
        const id = String(req.headers["webhook-id"]);
        if (destination === FLAKY && !receiver.refusedOnce.has(id)) {
          receiver.refusedOnce.add(id);
          return res.writeHead(500).end("flaky");
        }
        const seen = receiver.acks.get(destination)!;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { sentAt: number } };
        const now = Date.now();
        receiver.latencies.get(destination)!.push(now - body.data.sentAt);
        receiver.lastAck.set(destination, now);
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

type Load = { posted: number; accepted: Promise<number> };

/** The inbound answers that were not a new delivery accepted, by status ("error": no answer). */
const refusedInbound = new Map<string, number>();

/** Posts `rate` signed deliveries per second for `duration` s (open loop). Returns once the last is
 * sent; `accepted` resolves once every answer is in (a new delivery answered 200). */
async function postSteadily(server: ConsoleServer, connectionId: string, duration: number): Promise<Load> {
  const pool = new Pool(server.url, { connections: 32 });
  const total = Math.round(rate * duration);
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
            const answer = await res.body.text();
            if (res.statusCode === 200 && !answer.includes('"duplicate"')) accepted++;
            else refusedInbound.set(String(res.statusCode), (refusedInbound.get(String(res.statusCode)) ?? 0) + 1);
          })
          // A request cut off by the kill is not accepted; K-LINK would send it again.
          .catch(() => void refusedInbound.set("error", (refusedInbound.get("error") ?? 0) + 1)),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return {
    posted: total,
    accepted: Promise.all(inflight).then(async () => {
      await pool.destroy();
      return accepted;
    }),
  };
}

type RunResult = {
  posted: number;
  accepted: number;
  storedInbound: number;
  expected: number;
  stored: number;
  delivered: number;
  acknowledged: number;
  duplicated: string[];
  /** Inbound answers other than accepted, e.g. "503×12, error×4". */
  refused: string;
  heldAtKill: Set<string> | null;
  /** Held messages whose 5-minute retry the bench made due at once. */
  madeDue: number;
  requests: number;
  healthyPerSecond: number;
  healthyLatencies: number[];
  flakyLatencies: number[];
  drainMs: number;
};

async function run(kill: boolean): Promise<RunResult> {
  const receiver = await startReceiver();
  refusedInbound.clear();
  let server = await startConsole(CONSOLE_ENV);
  const database = createDb(server.databaseUrl);
  try {
    const connectionId = await setUp(database, receiver.url);
    const name = kill ? "kill run" : "steady run";
    const loadStart = Date.now();
    let posted = 0;
    let accepted = 0;
    let heldAtKill: Set<string> | null = null;
    let killedAt = 0;
    if (kill) {
      const first = await postSteadily(server, connectionId, seconds / 2);
      // A crash mid-way: the answers of the last requests, the batch being processed and the sends
      // in flight are cut off; whatever the process held in memory is gone.
      await server.kill();
      killedAt = Date.now();
      posted += first.posted;
      accepted += await first.accepted;
      // The dead process's leases: messages it had claimed and not yet recorded an outcome for.
      const held = await database.forwardMessage.findMany({
        where: { status: "processing", lockedUntil: { gt: new Date() } },
        select: { id: true },
      });
      heldAtKill = new Set(held.map((m) => m.id));
      console.log(
        `bench:forwarding: ${name}: killed after ${first.posted} posted, holding the lease of ${heldAtKill.size} message(s); restarting`,
      );
      // The new process opens the same, already migrated database.
      server = await startConsole({ ...CONSOLE_ENV, DATABASE_URL: server.databaseUrl }, { migrate: false });
      const second = await postSteadily(server, connectionId, seconds / 2);
      posted += second.posted;
      accepted += await second.accepted;
    } else {
      const load = await postSteadily(server, connectionId, seconds);
      posted = load.posted;
      accepted = await load.accepted;
    }
    const loadEnd = Date.now();
    // Every inbound delivery the console stored counts, answered or not (a crash may cut off the
    // answer of one it had stored): each must reach every destination.
    const storedInbound = await database.webhookDelivery.count({
      where: { verification: "verified", status: { notIn: ["rejected", "duplicate"] } },
    });
    const expected = storedInbound * DESTINATIONS.length;
    console.log(
      `bench:forwarding: ${name}: ${posted} posted, ${accepted} accepted, ${storedInbound} stored; waiting for ${expected} acknowledgements`,
    );
    const acknowledged = () => [...receiver.acks.values()].reduce((n, m) => n + m.size, 0);
    const delivered = () => database.forwardMessage.count({ where: { status: "delivered" } });
    // A held message whose send never left the dead process still had that attempt counted: the
    // flaky destination refuses its next send (the first it sees), and the schedule's next retry
    // is 5 min away. Once the dead process's leases have run out, the bench makes those due now.
    let madeDue = 0;
    const leasesOver = killedAt + LEASE_MS + 5_000;
    await waitFor(
      async () => {
        if (heldAtKill && Date.now() > leasesOver) {
          const { count } = await database.forwardMessage.updateMany({
            where: { id: { in: [...heldAtKill] }, status: "pending", nextAttemptAt: { gt: new Date() } },
            data: { nextAttemptAt: new Date() },
          });
          madeDue += count;
        }
        return acknowledged() >= expected && (await delivered()) >= expected;
      },
      SETTLE_TIMEOUT_MS,
      () => `acknowledged ${acknowledged()} of ${expected}`,
    ).catch((error: Error) => console.error(`bench:forwarding: ${name}: ${error.message}`));
    const lastAck = Math.max(0, ...receiver.lastAck.values());
    const lastHealthyAck = Math.max(0, ...HEALTHY.map((d) => receiver.lastAck.get(d) ?? 0));
    const healthyAcks = HEALTHY.reduce((n, d) => n + receiver.acks.get(d)!.size, 0);
    return {
      posted,
      accepted,
      storedInbound,
      expected,
      stored: await database.forwardMessage.count(),
      delivered: await delivered(),
      acknowledged: acknowledged(),
      duplicated: [...receiver.acks.values()].flatMap((m) => [...m].filter(([, n]) => n > 1).map(([id]) => id)),
      refused: [...refusedInbound].map(([status, n]) => `${status}×${n}`).join(", ") || "none",
      heldAtKill,
      madeDue,
      requests: receiver.requests,
      healthyPerSecond: healthyAcks / ((lastHealthyAck - loadStart) / 1000),
      healthyLatencies: HEALTHY.flatMap((d) => receiver.latencies.get(d)!),
      flakyLatencies: receiver.latencies.get(FLAKY)!,
      drainMs: lastAck - loadEnd,
    };
  } finally {
    await server.stop();
    await database.$disconnect();
    receiver.server.close();
  }
}

console.log(
  `bench:forwarding — ${cpus().length} cores, node ${process.version}, load average ${loadAtStart.toFixed(2)} at start; ` +
    `${rate} inbound/s for ${seconds} s per run, 3 destinations (one refusing each message's first request)`,
);
const runs = (process.env.BENCH_FORWARD_RUNS ?? "steady,kill").split(",").map((r) => r.trim());
const results: { name: string; result: RunResult }[] = [];
if (runs.includes("steady")) results.push({ name: "steady run", result: await run(false) });
if (runs.includes("kill")) results.push({ name: "kill run", result: await run(true) });

const none = (r: RunResult) => r.stored === r.expected && r.acknowledged === r.expected && r.delivered === r.expected;
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "—");
const each = (f: (r: RunResult) => string) => results.map(({ result }) => f(result));
const latencies = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;
console.log(
  `\nbench:forwarding — ${cpus().length} cores, node ${process.version}, load average ${loadAtStart.toFixed(2)} at start\n` +
    `${rate} inbound/s for ${seconds} s per run (kill run: killed after ${seconds / 2} s and restarted); ` +
    `3 destinations, "flaky" refusing each message's first request (retried ~5 s later)\n`,
);
printTable(
  ["measure", ...results.map((r) => r.name)],
  [
    [
      "inbound deliveries posted / accepted / stored",
      ...each((r) => `${r.posted} / ${r.accepted} / ${r.storedInbound}`),
    ],
    ["inbound answers other than accepted (status×count)", ...each((r) => r.refused)],
    ["outbound messages expected (3 × stored) / stored", ...each((r) => `${r.expected} / ${r.stored}`)],
    ["acknowledged, distinct webhook-id per destination", ...each((r) => String(r.acknowledged))],
    ["delivered in the database", ...each((r) => String(r.delivered))],
    ["messages held (leased) by the killed process", ...each((r) => (r.heldAtKill ? String(r.heldAtKill.size) : "—"))],
    ["held messages whose 5-min retry the bench made due", ...each((r) => (r.heldAtKill ? String(r.madeDue) : "—"))],
    ["acknowledged more than once", ...each((r) => String(r.duplicated.length))],
    ["receiver requests (incl. the flaky one's refusals)", ...each((r) => String(r.requests))],
    [
      `fan-out throughput, healthy destinations (demand ${2 * rate}/s)`,
      // The kill run's acknowledgements span the restart and the dead process's 60 s leases.
      ...each((r) => (r.heldAtKill ? "—" : `${r.healthyPerSecond.toFixed(0)} acks/s`)),
    ],
    ["end-to-end p50 / p99, healthy destinations", ...each((r) => latencies(r.healthyLatencies))],
    ["end-to-end p50 / p99, flaky destination (one retry)", ...each((r) => latencies(r.flakyLatencies))],
    ["last acknowledgement after the last inbound post", ...each((r) => ms(r.drainMs))],
  ],
);

const problems: string[] = [];
const verdicts: string[] = [];
for (const { name, result } of results) {
  if (!none(result)) problems.push(`${name}: messages lost (expected, stored, acknowledged and delivered differ)`);
  if (result.accepted > result.storedInbound) problems.push(`${name}: an accepted inbound delivery was not stored`);
  if (!result.heldAtKill) {
    if (result.duplicated.length)
      problems.push(`${name}: ${result.duplicated.length} message(s) acknowledged more than once`);
    else verdicts.push(`${name}: exactly once per webhook-id and destination`);
    continue;
  }
  // At-least-once: only a message the dead process held may have been acknowledged by the
  // receiver without the console recording it, and so sent again.
  const held = result.heldAtKill;
  const unexplained = result.duplicated.filter((id) => !held.has(id));
  if (unexplained.length)
    problems.push(
      `${name}: ${unexplained.length} message(s) acknowledged more than once without being held by the killed process`,
    );
  else
    verdicts.push(
      `${name}: ${result.duplicated.length} sent twice, all among the ${held.size} the killed process held ` +
        "(acknowledged by the receiver, not yet recorded when it died: at-least-once)",
    );
}
console.log(
  problems.length ? `\nFAIL:\n${problems.map((p) => `  ${p}`).join("\n")}` : `\nnone lost; ${verdicts.join("; ")}`,
);
process.exit(problems.length ? 1 : 0);
