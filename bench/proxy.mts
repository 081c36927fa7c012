// npm run bench:proxy — the K-LINK proxy of the built console (`npm start`'s server, run as a user runs
// it, on its own SQLite file) against the simulator in a process of its own, over real sockets.
// Needs `npm run build` first. Prints one table from one run:
//   - cached GET: requests/s and p50/p99 of GET /api/klink/v1/tickets?page=1&pageSize=10 served
//     from the cache, against GET /api/bench/bare answering the same JSON (that route exists only
//     because BENCH_BARE_ROUTE_JSON is set here). Both go through the same route wrapper with the
//     same API key, so authentication — which every /api route of the console pays, proxy or not
//     — is in both and the ratio shows what the proxy itself adds. Rounds alternate between the
//     two, so drift in the machine's load hits both alike.
//   - cold miss: p50 of requests that each have a new cache key (pages 2, 3, …), minus p50 of the
//     simulator's same URL called directly with its token, one request at a time. Interleaved
//     with them, the bare route with and without credentials splits the difference into what
//     Next.js and the route wrapper cost, what authentication costs, and what is left: the
//     proxy's own miss path (its call to the simulator included).
//   - coalescing: upstream calls (the simulator's /__sim/counters) made by 200 concurrent
//     identical cold requests, while the simulator holds that call for 250 ms so that all 200
//     arrive before it is answered.
// Exits 1 when an answer is wrong or the 200 made more than one upstream call; a missed speed
// target is printed, not fatal. Settings: BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (3),
// BENCH_CONCURRENCY (8), BENCH_COLD_REQUESTS (150, at most 199), BENCH_LOG_LEVEL (the console's
// LOG_LEVEL, default info, as in production).
import { Pool } from "undici";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { requireBuild } from "./build-state";
import { closedLoop, combine, percentile, type LoadResult } from "./closed-loop";
import { startSimulatorProcess } from "./simulator-process";
import { printTable } from "./table";
import { createDb, type Db } from "../lib/db/client";
import { generateApiKey } from "../lib/api-keys/api-key-format";
import { encryptionKeys, encryptSecret } from "../lib/crypto/secret-box";
import { startConsole } from "../scripts/console-process";

requireBuild("bench:proxy");

const TOKEN = "kpt_benchproxy0123456789abcdef";
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
const CACHED_PATH = "/api/klink/v1/tickets?page=1&pageSize=10";
const BARE_PATH = "/api/bench/bare";
const COALESCED_PATH = "/api/klink/v1/tickets?page=1&pageSize=50";
const COALESCED_REQUESTS = 200;
const UPSTREAM_HOLD_MS = 250;
const TARGET_RATIO = 0.8;
const TARGET_ADDED_MS = 3;
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
// 2000 seeded tickets: 200 pages of 10, the first of them the cached one.
const coldRequests = Math.min(199, Number(process.env.BENCH_COLD_REQUESTS ?? 150));
// Other processes on a small machine change every figure; the output says how busy it was.
const loadAtStart = loadavg()[0];
const problems: string[] = [];

type Answer = { status: number; text: string; cache: string };
type Get = (pool: Pool, urlPath: string, headers?: Record<string, string>) => Promise<Answer>;

const get: Get = async (pool, urlPath, headers = {}) => {
  const res = await pool.request({ method: "GET", path: urlPath, headers });
  return { status: res.statusCode, text: await res.body.text(), cache: String(res.headers["x-cache"] ?? "-") };
};

const cleanup: (() => Promise<unknown>)[] = [];
try {
  const sim = await startSimulatorProcess(TOKEN);
  cleanup.push(sim.stop);
  const simPool = new Pool(sim.url, { connections: 4 });
  cleanup.push(() => simPool.close());
  const simHeaders = { authorization: `Bearer ${TOKEN}` };
  const simControl = async <T,>(method: "GET" | "POST" | "DELETE", urlPath: string, body?: unknown): Promise<T> => {
    const res = await simPool.request({
      method,
      path: `/__sim/${urlPath}`,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.body.json()) as T;
  };

  // The bare route serves exactly what the simulator answers, and so the proxy, for CACHED_PATH.
  const bareJson = path.join(mkdtempSync(path.join(tmpdir(), "klink-bench-proxy-")), "tickets-page-1.json");
  const direct = await get(simPool, CACHED_PATH.replace("/api/klink/", "/api/"), simHeaders);
  writeFileSync(bareJson, direct.text);

  const server = await startConsole({
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    BENCH_BARE_ROUTE_JSON: bareJson,
    // One API key drives all the load: the per-actor limit (README "Limits and abuse") is not what is measured.
    PROXY_RATE_LIMITS: "viewer=100000000,agent=100000000,admin=100000000",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  });
  cleanup.push(server.stop);
  const database = createDb(server.databaseUrl);
  cleanup.push(() => database.$disconnect());
  const keyHeaders = { authorization: `Bearer ${await seedConsole(database, sim.url)}` };

  // --- cached GET vs the bare route --------------------------------------------------------------
  const loadPool = new Pool(server.url, { connections: concurrency });
  cleanup.push(() => loadPool.close());
  const first = await get(loadPool, CACHED_PATH, keyHeaders);
  const bare = await get(loadPool, BARE_PATH, keyHeaders);
  if (first.status !== 200 || bare.status !== 200)
    throw new Error(
      `proxy answered ${first.status}, bare route ${bare.status}: ${first.text.slice(0, 200)} ${bare.text.slice(0, 200)}`,
    );
  if (first.text !== direct.text || bare.text !== direct.text)
    problems.push("the proxy, the bare route and the simulator do not answer the same JSON");
  const run = (urlPath: string, runSeconds = seconds) =>
    closedLoop(loadPool, urlPath, keyHeaders, { seconds: runSeconds, concurrency });
  await run(BARE_PATH, 2); // JIT, sockets, SQLite pages
  await run(CACHED_PATH, 2);
  const proxyRuns: LoadResult[] = [];
  const bareRuns: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    bareRuns.push(await run(BARE_PATH));
    proxyRuns.push(await run(CACHED_PATH));
  }
  const proxy = combine(proxyRuns);
  const baseline = combine(bareRuns);
  for (const [label, result] of [
    ["proxy", proxy],
    ["bare route", baseline],
  ] as const) {
    const others = Object.entries(result.statuses).filter(([code]) => code !== "200");
    if (others.length) problems.push(`${label}: ${others.map(([code, n]) => `${n}×${code}`).join(", ")}`);
  }
  const missed = proxy.requests - (proxy.cacheStates.HIT ?? 0) - (proxy.cacheStates.STALE ?? 0);
  if (missed > proxy.requests * 0.01) problems.push(`cached GET: ${missed} answers did not come from the cache`);

  // --- cold misses vs the simulator directly, one request at a time -----------------------------
  const onePool = new Pool(server.url, { connections: 1 });
  cleanup.push(() => onePool.close());
  for (let page = 1; page <= 30; page++)
    await get(onePool, `/api/klink/v1/tickets?page=${page}&pageSize=20`, keyHeaders); // warm the miss path
  const samples = { direct: [] as number[], refused: [] as number[], bare: [] as number[], miss: [] as number[] };
  const timed = async (into: number[], call: () => Promise<Answer>): Promise<Answer> => {
    const started = performance.now();
    const answer = await call();
    into.push(performance.now() - started);
    return answer;
  };
  // Pages after the cached first one: the same shape of answer, each a new cache key.
  for (let page = 2; page <= coldRequests + 1; page++) {
    const query = `tickets?page=${page}&pageSize=10`;
    const upstream = await timed(samples.direct, () => get(simPool, `/api/v1/${query}`, simHeaders));
    // Without credentials the wrapper answers 401 at once: Next.js and the wrapper alone.
    await timed(samples.refused, () => get(onePool, BARE_PATH));
    await timed(samples.bare, () => get(onePool, BARE_PATH, keyHeaders));
    const answer = await timed(samples.miss, () => get(onePool, `/api/klink/v1/${query}`, keyHeaders));
    if (answer.cache !== "MISS" || answer.status !== upstream.status)
      problems.push(`cold ${query}: ${answer.status} x-cache ${answer.cache}`);
  }
  const [directP50, refusedP50, bareP50, missP50] = [samples.direct, samples.refused, samples.bare, samples.miss].map(
    (s) => percentile(s, 50),
  );

  // --- 200 concurrent identical cold requests -----------------------------------------------------
  const burstPool = new Pool(server.url, { connections: COALESCED_REQUESTS });
  cleanup.push(() => burstPool.close());
  await Promise.all(Array.from({ length: COALESCED_REQUESTS }, () => get(burstPool, BARE_PATH, keyHeaders))); // open every socket first
  const fault = await simControl<{ id: string }>("POST", "faults", {
    pathPattern: "/api/v1/tickets",
    method: "GET",
    latencyMs: UPSTREAM_HOLD_MS,
  });
  const upstreamCount = async () => (await simControl<Record<string, number>>("GET", "counters"))["tickets.list"] ?? 0;
  const before = await upstreamCount();
  const burst = await Promise.all(
    Array.from({ length: COALESCED_REQUESTS }, () => get(burstPool, COALESCED_PATH, keyHeaders)),
  );
  const upstreamCalls = (await upstreamCount()) - before;
  await simControl("DELETE", `faults/${fault.id}`);
  const burstStates = tally(burst.map((a) => (a.status === 200 ? a.cache : String(a.status))));
  if (burst.some((a) => a.status !== 200)) problems.push(`coalescing: ${JSON.stringify(burstStates)}`);
  if (upstreamCalls !== 1) problems.push(`coalescing: ${upstreamCalls} upstream calls`);

  // --- the table -----------------------------------------------------------------------------------
  const ratio = proxy.requests / proxy.seconds / (baseline.requests / baseline.seconds);
  const added = missP50 - directP50;
  const verdict = (ok: boolean) => (ok ? "pass" : "FAIL");
  const underLoad = (r: LoadResult) =>
    `${Math.round(r.requests / r.seconds)} req/s, p50 ${ms(percentile(r.latencies, 50))}, p99 ${ms(percentile(r.latencies, 99))}`;
  console.log(
    `\nbench:proxy — ${cpus().length} cores, node ${process.version}, load average ${loadAtStart.toFixed(2)} at start`,
  );
  console.log(
    `cached: ${rounds}×${seconds} s per route at concurrency ${concurrency} (${Object.entries(proxy.cacheStates)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ")}); cold: ${coldRequests} misses one at a time`,
  );
  printTable(
    ["measurement", "measured", "target", "result"],
    [
      ["cached GET through the proxy", underLoad(proxy), "", ""],
      ["bare route handler, same JSON", underLoad(baseline), "", ""],
      ["cached throughput, proxy / bare", ratio.toFixed(2), `≥ ${TARGET_RATIO}`, verdict(ratio >= TARGET_RATIO)],
      ["cold miss through the proxy, p50", ms(missP50), "", ""],
      ["simulator called directly, p50", ms(directP50), "", ""],
      ["added cold-miss p50", ms(added), `≤ ${TARGET_ADDED_MS} ms`, verdict(added <= TARGET_ADDED_MS)],
      ["  of which Next.js and the route wrapper (bare route, no key: 401)", ms(refusedP50), "", ""],
      ["  of which API-key authentication (bare route with the key − 401)", ms(bareP50 - refusedP50), "", ""],
      ["  of which the proxy's own miss path (the rest)", ms(added - bareP50), "", ""],
      [
        `upstream calls for ${COALESCED_REQUESTS} concurrent identical cold GETs`,
        `${upstreamCalls} (answers ${Object.entries(burstStates)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")})`,
        "exactly 1",
        verdict(upstreamCalls === 1),
      ],
    ],
  );
  for (const problem of problems) console.log(`  problem: ${problem}`);
} catch (error) {
  problems.push((error as Error).message);
  console.error(`bench:proxy: ${(error as Error).message}`);
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
process.exit(problems.length ? 1 : 0);

/** A viewer with an API key, and the simulator as the default connection; returns the key. */
async function seedConsole(database: Db, simulatorUrl: string): Promise<string> {
  const apiKey = generateApiKey();
  const user = await database.user.create({ data: { email: "bench@example.test", name: "Benchmark", role: "viewer" } });
  await database.apiKey.create({
    data: { userId: user.id, name: "bench:proxy", keyHash: apiKey.keyHash, prefix: apiKey.prefix },
  });
  const tokenCiphertext = encryptSecret(TOKEN, encryptionKeys({ APP_ENCRYPTION_KEY: ENCRYPTION_KEY }));
  await database.klinkConnection.create({
    data: { name: "Simulator", baseUrl: simulatorUrl, tokenCiphertext, tokenLast4: TOKEN.slice(-4), isDefault: true },
  });
  return apiKey.key;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
