// npm run bench:webhooks — signed K-LINK deliveries posted at increasing rates to the built
// console (`npm start`'s server, run as a user runs it) on SQLite, and on PostgreSQL as well when
// BENCH_DATABASE_URL is set (that database's schema is dropped and re-created). Prints, per
// rate, the accepted deliveries per second and the ack latency (p50/p99, measured from the
// moment each delivery was due, so a console that falls behind cannot hide it), then the
// sustained rate and the count of deliveries stored against those sent (they must be equal).
// Needs `npm run build` first. Settings: BENCH_RATES (default 250,500,1000,2000,3000),
// BENCH_STEP_SECONDS (5), BENCH_LOG_LEVEL (the console's LOG_LEVEL, default info).
import { Pool } from "undici";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../lib/db/client";
import { encryptSecret } from "../lib/crypto/secret-box";
import { encryptWebhook } from "../lib/connections/webhook-config";
import { startConsole, waitFor } from "../scripts/console-process";
import { requireBuild } from "./build-state";

requireBuild("bench:webhooks");

const TARGET_RATE = 500;
const TARGET_P99_MS = 50;
const SECRET = "whsec_bench_0123456789abcdef";
const ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
const rates = (process.env.BENCH_RATES ?? "250,500,1000,2000,3000").split(",").map(Number);
const stepSeconds = Number(process.env.BENCH_STEP_SECONDS ?? 5);

type Step = {
  rate: number;
  sent: number;
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
  others: Record<number, number>;
};

// The console encrypts with this key; the bench writes the connection with the same one.
process.env.APP_ENCRYPTION_KEY = ENCRYPTION_KEY;

async function createConnection(database: Db): Promise<string> {
  const row = await database.klinkConnection.create({
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
  return row.id;
}

function signedDeliveries(count: number): { body: string; signature: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      event: i % 3 === 0 ? "contact.update" : "ticket.update",
      timestamp: new Date().toISOString().replace("Z", "000Z"),
      data: { id: randomUUID(), contactId: `c-${i % 100}`, status: "open", subject: "Benchmark delivery" },
    });
    return { body, signature: createHmac("sha256", SECRET).update(body).digest("hex") };
  });
}

/** Posts `rate` deliveries per second for `seconds`, open loop (sends do not wait for answers). */
async function runStep(pool: Pool, urlPath: string, rate: number, seconds: number): Promise<Step> {
  const deliveries = signedDeliveries(Math.round(rate * seconds));
  const latencies: number[] = [];
  const others: Record<number, number> = {};
  let accepted = 0;
  let lastAnswer = 0;
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    const tick = setInterval(() => {
      const due = Math.min(deliveries.length, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; sent < due; sent++) {
        const dueAt = start + (sent * 1000) / rate;
        const { body, signature } = deliveries[sent];
        inflight.push(
          pool
            .request({
              method: "POST",
              path: urlPath,
              headers: { "content-type": "application/json", "x-signature": signature },
              body,
            })
            .then(async (res) => {
              await res.body.text();
              const now = performance.now();
              latencies.push(now - dueAt);
              lastAnswer = Math.max(lastAnswer, now);
              if (res.statusCode === 200) accepted++;
              else others[res.statusCode] = (others[res.statusCode] ?? 0) + 1;
            })
            .catch(() => {
              others[0] = (others[0] ?? 0) + 1;
            }),
        );
      }
      if (sent >= deliveries.length) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  return {
    rate,
    sent: deliveries.length,
    accepted,
    perSecond: accepted / ((lastAnswer - start) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    others,
  };
}

async function benchmark(label: string, databaseUrl: string): Promise<boolean> {
  const server = await startConsole({
    DATABASE_URL: databaseUrl,
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  });
  const database = createDb(databaseUrl);
  const pool = new Pool(server.url, { connections: 128 });
  try {
    const urlPath = `/api/webhooks/klink/${await createConnection(database)}`;
    const warmUp = await runStep(pool, urlPath, 200, 2); // JIT, connections, database pages
    const steps: Step[] = [];
    for (const rate of rates) steps.push(await runStep(pool, urlPath, rate, stepSeconds));
    const lastAck = performance.now();

    const open = () => database.webhookDelivery.count({ where: { status: { in: ["pending", "processing"] } } });
    await waitFor(async () => (await open()) === 0, 120_000);
    const drainedMs = performance.now() - lastAck;
    const sent = [warmUp, ...steps].reduce((n, s) => n + s.sent, 0);
    const acked = [warmUp, ...steps].reduce((n, s) => n + s.accepted, 0);
    const stored = await database.webhookDelivery.count({ where: { verification: "verified" } });
    const processed = await database.webhookDelivery.count({ where: { status: "processed" } });

    const sustained = steps
      .filter((s) => s.perSecond >= s.rate * 0.97 && s.accepted === s.sent && s.p99 <= TARGET_P99_MS)
      .at(-1);
    console.log(`\n${label} — webhook deliveries, ${stepSeconds} s per rate, ${server.url}`);
    console.log("  rate/s   sent   accepted   accepted/s   ack p50   ack p99   other answers");
    for (const s of steps) {
      const other =
        Object.entries(s.others)
          .map(([code, n]) => `${code === "0" ? "network" : code}×${n}`)
          .join(" ") || "-";
      const columns = [
        String(s.rate).padStart(6),
        String(s.sent).padStart(6),
        String(s.accepted).padStart(10),
        s.perSecond.toFixed(0).padStart(12),
        `${s.p50.toFixed(1).padStart(8)} ms`,
        `${s.p99.toFixed(1).padStart(7)} ms`,
      ];
      console.log(`  ${columns.join(" ")}   ${other}`);
    }
    const meets = Boolean(sustained && sustained.rate >= TARGET_RATE);
    console.log(
      `  sustained: ${
        sustained
          ? `${sustained.perSecond.toFixed(0)} deliveries/s (step ${sustained.rate}/s) with ack p99 ${sustained.p99.toFixed(1)} ms`
          : "none of the rates"
      }` + ` — target ≥ ${TARGET_RATE}/s with p99 ≤ ${TARGET_P99_MS} ms: ${meets ? "met" : "NOT met"}`,
    );
    console.log(
      `  sent ${sent}, acknowledged ${acked}, stored ${stored}, processed ${processed} (all processed ${Math.round(drainedMs)} ms after the last ack)`,
    );
    const equal = stored === acked && acked === sent;
    console.log(`  stored vs sent: ${equal ? "equal" : "NOT EQUAL"}`);
    return equal;
  } finally {
    await pool.close();
    await server.stop();
    await database.$disconnect();
  }
}

const sqliteUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-bench-webhooks-")), "console.db")}`;
let ok = await benchmark("SQLite", sqliteUrl);
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  ok = (await benchmark("PostgreSQL", postgresUrl)) && ok;
} else {
  console.log(
    "\n(PostgreSQL: set BENCH_DATABASE_URL=postgresql://… to benchmark it too; its schema is dropped and re-created.)",
  );
}
process.exit(ok ? 0 : 1);
