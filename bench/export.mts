// npm run bench:export — CSV export throughput: GET /api/exports/tickets.csv of the built console
// (`npm start`'s server, on its own SQLite file) exporting all 2 000 tickets the simulator holds
// (with their custom fields), the simulator in a process of its own, over real sockets. Prints
// rows per second for a cold export (every page read from K-LINK, 100 a page, a few in flight)
// and for a warm one (the same pages from the console's cache), best and median of the runs, and
// checks each export: 2 000 rows, the header with the custom-field columns. Exits 1 when an export
// is wrong; a missed speed target is printed, not fatal. Settings: BENCH_EXPORT_RUNS (default 3),
// BENCH_LOG_LEVEL (the console's LOG_LEVEL, default info).
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { requireBuild } from "./build-state";
import { startSimulatorProcess } from "./simulator-process";
import { printTable } from "./table";
import { createDb, type Db } from "../lib/db/client";
import { generateApiKey } from "../lib/api-keys/api-key-format";
import { encryptionKeys, encryptSecret } from "../lib/crypto/secret-box";
import { startConsole } from "../scripts/console-process";

requireBuild("bench:export");

const TOKEN = "kpt_benchexport0123456789abcdef";
const ENCRYPTION_KEY = Buffer.alloc(32, 8).toString("base64");
const EXPECTED_ROWS = 2000;
const TARGET_COLD_ROWS_PER_SECOND = 1000;
const runs = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 3));
const loadAtStart = loadavg()[0];
const problems: string[] = [];
const cleanup: (() => Promise<unknown>)[] = [];

type Timed = { rows: number; ms: number };

try {
  const sim = await startSimulatorProcess(TOKEN);
  cleanup.push(sim.stop);
  // The console's cache is in its process (no REDIS_URL): a new console process starts cold.
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-bench-export-")), "console.db")}`;
  const start = () =>
    startConsole({
      DATABASE_URL: databaseUrl,
      APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    });
  let server = await start();
  const database = createDb(databaseUrl);
  const key = await seedConsole(database, sim.url);
  // Closed before a console restarts: its migration step wants the SQLite file to itself.
  await database.$disconnect();

  // A fresh server loads the export route's code on its first request: an export matching nothing
  // pays for that (and reads the tenant's form fields), so the cold figure is the paging alone.
  const warmUp = async () => {
    const response = await fetch(`${server.url}/api/exports/tickets.csv?keyword=no-such-ticket-anywhere`, {
      headers: { authorization: `Bearer ${key}` },
    });
    await response.text();
    if (response.status !== 200) throw new Error(`the warm-up export answered ${response.status}`);
  };
  const exportOnce = async (): Promise<Timed> => {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/exports/tickets.csv`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`the export answered ${response.status}: ${text.slice(0, 200)}`);
    const lines = text.split("\r\n").filter(Boolean);
    if (!lines[0].includes("Tracking ID")) problems.push("the header has no custom-field column (Tracking ID)");
    // Descriptions hold no line breaks in the seed data, so lines are rows here.
    const rows = lines.length - 1;
    if (rows !== EXPECTED_ROWS) problems.push(`an export held ${rows} rows, not ${EXPECTED_ROWS}`);
    return { rows, ms };
  };

  const cold: Timed[] = [];
  const warm: Timed[] = [];
  for (let run = 0; run < runs; run++) {
    if (run > 0) server = await start();
    try {
      await warmUp();
      cold.push(await exportOnce());
      warm.push(await exportOnce());
    } finally {
      await server.stop();
    }
  }
  const rate = (t: Timed) => (t.rows / t.ms) * 1000;
  const summary = (label: string, timings: Timed[]) => {
    const rates = timings.map(rate).sort((a, b) => a - b);
    const times = timings.map((t) => t.ms).sort((a, b) => a - b);
    return [
      label,
      `${Math.round(rates.at(-1)!)}`,
      `${Math.round(rates[Math.floor(rates.length / 2)])}`,
      `${times[Math.floor(times.length / 2)].toFixed(0)} ms`,
    ];
  };
  console.log(
    `\nbench:export — ${EXPECTED_ROWS} tickets as CSV, ${runs} run(s) each, load average at start ${loadAtStart.toFixed(2)}`,
  );
  printTable(
    ["export", "best rows/s", "median rows/s", "median time"],
    [summary("cold (pages from K-LINK)", cold), summary("warm (pages from the cache)", warm)],
  );
  const coldMedian = cold.map(rate).sort((a, b) => a - b)[Math.floor(cold.length / 2)];
  console.log(
    `  target: cold median ≥ ${TARGET_COLD_ROWS_PER_SECOND} rows/s — ${coldMedian >= TARGET_COLD_ROWS_PER_SECOND ? "met" : "MISSED"}`,
  );
} catch (error) {
  problems.push((error as Error).message);
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
for (const problem of problems) console.error(`bench:export: ${problem}`);
process.exit(problems.length ? 1 : 0);

/** An agent (the default minimum role to export) with an API key, and the simulator as the default connection. */
async function seedConsole(database: Db, simulatorUrl: string): Promise<string> {
  const apiKey = generateApiKey();
  const user = await database.user.create({ data: { email: "bench@example.test", name: "Benchmark", role: "agent" } });
  await database.apiKey.create({
    data: { userId: user.id, name: "bench:export", keyHash: apiKey.keyHash, prefix: apiKey.prefix },
  });
  const tokenCiphertext = encryptSecret(TOKEN, encryptionKeys({ APP_ENCRYPTION_KEY: ENCRYPTION_KEY }));
  await database.klinkConnection.create({
    data: { name: "Simulator", baseUrl: simulatorUrl, tokenCiphertext, tokenLast4: TOKEN.slice(-4), isDefault: true },
  });
  return apiKey.key;
}
