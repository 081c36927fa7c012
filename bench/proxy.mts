// npm run bench:proxy — the K-LINK proxy of the built console (`npm start`'s server, run as a user runs
// it, on its own SQLite file) against the simulator in a process of its own, over real sockets.
// Needs `npm run build` first. Prints one table from one run:
//   - cached GET: requests/s and p50/p99 of GET /api/klink/v1/tickets?page=1&pageSize=10 served
//     from the cache (answered by the console server's own front door, in front of Next.js),
//     against GET /api/bench/bare (a Next.js route handler behind the same route wrapper and API
//     key, answering the same JSON; it exists only because BENCH_BARE_ROUTE_JSON is set here), and
//     against a plain node:http server in this process answering the same bytes (the runtime's
//     floor). Rounds alternate between the three, so drift in the machine's load hits all alike.
//   - cold miss: p50 of requests that each have a new cache key (pages 2, 3, …), minus p50 of the
//     simulator's same URL called directly with its token, one request at a time. Interleaved
//     with them, a plain proxy in a process of its own (bench/plain-proxy.mjs) shows what the two
//     extra process hops of any proxy cost on this machine, and the bare route with and without
//     credentials what Next.js itself costs.
//   - coalescing: upstream calls (the simulator's /__sim/counters) made by 200 concurrent
//     identical cold requests, while the simulator holds that call for 250 ms so that all 200
//     arrive before it is answered.
//   - ticket page: /tickets/<id> of the ticket 3 000 deep in the listing (1 001 tickets are added
//     to the simulator's 2 000 first), signed in as a viewer, with every K-LINK call delayed by
//     150 ms: cold (the console has read the listing page holding it, nothing of the page is
//     cached; the page's code has run before, through a second connection) and warm (the same
//     page again), and, as context, a ticket never seen (the scan).
// Exits 1 when an answer is wrong or the 200 made more than one upstream call; a missed speed
// target is printed, not fatal. Settings: BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (3),
// BENCH_CONCURRENCY (8), BENCH_COLD_REQUESTS (150, at most 199), BENCH_LOG_LEVEL (the console's
// LOG_LEVEL, default info, as in production).
import { Pool } from "undici";
import { createServer } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { requireBuild } from "./build-state";
import { closedLoop, combine, percentile, type LoadResult } from "./closed-loop";
import { startPlainProxyProcess, startSimulatorProcess } from "./simulator-process";
import { printTable } from "./table";
import { createDb, type Db } from "../lib/db/client";
import { generateApiKey } from "../lib/api-keys/api-key-format";
import { encryptionKeys, encryptSecret } from "../lib/crypto/secret-box";
import { newSessionClaims } from "../lib/auth/session-claims";
import { startConsole } from "../scripts/console-process";
import { encode } from "next-auth/jwt";

requireBuild("bench:proxy");

const TOKEN = "kpt_benchproxy0123456789abcdef";
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
const CACHED_PATH = "/api/klink/v1/tickets?page=1&pageSize=10";
const BARE_PATH = "/api/bench/bare";
const COALESCED_PATH = "/api/klink/v1/tickets?page=1&pageSize=50";
const COALESCED_REQUESTS = 200;
const UPSTREAM_HOLD_MS = 250;
const TARGET_RATIO = 0.3;
const TARGET_ADDED_MS = 1.5;
const NEXTAUTH_SECRET = "bench-proxy-nextauth-secret-0123456789abcdef";
const KLINK_LATENCY_MS = 150;
const TICKET_DEPTH = 3000;
const TICKETS_ADDED = 1001;
const TARGET_PAGE_COLD_MS = 2 * KLINK_LATENCY_MS + 100;
const TARGET_PAGE_WARM_MS = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
// 2000 seeded tickets: 200 pages of 10, the first of them the cached one.
const coldRequests = Math.min(199, Number(process.env.BENCH_COLD_REQUESTS ?? 150));
// Other processes on a small machine change every figure; the output says how busy it was.
const loadAtStart = loadavg()[0];
const problems: string[] = [];

type Answer = { status: number; text: string; cache: string; headers?: Record<string, unknown> };
type Get = (pool: Pool, urlPath: string, headers?: Record<string, string>) => Promise<Answer>;

const get: Get = async (pool, urlPath, headers = {}) => {
  const res = await pool.request({ method: "GET", path: urlPath, headers });
  return {
    status: res.statusCode,
    text: await res.body.text(),
    cache: String(res.headers["x-cache"] ?? "-"),
    headers: res.headers,
  };
};

const cleanup: (() => Promise<unknown>)[] = [];
try {
  const sim = await startSimulatorProcess(TOKEN);
  cleanup.push(sim.stop);
  const simPool = new Pool(sim.url, { connections: 4 });
  cleanup.push(() => simPool.close());
  const plainProxy = await startPlainProxyProcess(sim.url, TOKEN);
  cleanup.push(plainProxy.stop);
  const plainProxyPool = new Pool(plainProxy.url, { connections: 1 });
  cleanup.push(() => plainProxyPool.close());
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

  // The runtime's floor: the same bytes from a plain node:http server in this process.
  const plainBytes = Buffer.from(direct.text);
  const plain = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": plainBytes.length }).end(plainBytes);
  });
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => new Promise((resolve) => (plain.closeAllConnections(), plain.close(resolve))));
  const plainPool = new Pool(`http://127.0.0.1:${(plain.address() as { port: number }).port}`, {
    connections: concurrency,
  });
  cleanup.push(() => plainPool.close());

  const server = await startConsole({
    NEXTAUTH_SECRET,
    APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
    BENCH_BARE_ROUTE_JSON: bareJson,
    // One API key drives all the load: the per-actor limit (README "Limits and abuse") is not what is measured.
    PROXY_RATE_LIMITS: "viewer=100000000,agent=100000000,admin=100000000",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  });
  cleanup.push(server.stop);
  const database = createDb(server.databaseUrl);
  cleanup.push(() => database.$disconnect());
  const seeded = await seedConsole(database, sim.url);
  const keyHeaders = { authorization: `Bearer ${seeded.apiKey}` };

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
  const runPlain = (runSeconds = seconds) => closedLoop(plainPool, "/", {}, { seconds: runSeconds, concurrency });
  const same = await get(plainPool, "/");
  if (same.text !== direct.text) problems.push("the plain server does not answer the simulator's JSON");
  await run(BARE_PATH, 2); // JIT, sockets, SQLite pages
  await run(CACHED_PATH, 2);
  await runPlain(1);
  const proxyRuns: LoadResult[] = [];
  const bareRuns: LoadResult[] = [];
  const plainRuns: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    bareRuns.push(await run(BARE_PATH));
    proxyRuns.push(await run(CACHED_PATH));
    plainRuns.push(await runPlain());
  }
  const proxy = combine(proxyRuns);
  const baseline = combine(bareRuns);
  const floor = combine(plainRuns);
  for (const [label, result] of [
    ["proxy", proxy],
    ["bare route", baseline],
    ["plain node:http", floor],
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
  for (let page = 1; page <= 30; page++) await get(plainProxyPool, `/api/klink/v1/tickets?page=${page}&pageSize=20`);
  const samples = {
    direct: [] as number[],
    plainProxy: [] as number[],
    refused: [] as number[],
    bare: [] as number[],
    miss: [] as number[],
  };
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
    await timed(samples.plainProxy, () => get(plainProxyPool, `/api/klink/v1/${query}`));
    // Without credentials the wrapper answers 401 at once: Next.js and the wrapper alone.
    await timed(samples.refused, () => get(onePool, BARE_PATH));
    await timed(samples.bare, () => get(onePool, BARE_PATH, keyHeaders));
    const answer = await timed(samples.miss, () => get(onePool, `/api/klink/v1/${query}`, keyHeaders));
    if (answer.cache !== "MISS" || answer.status !== upstream.status)
      problems.push(`cold ${query}: ${answer.status} x-cache ${answer.cache}`);
  }
  const [directP50, plainProxyP50, refusedP50, bareP50, missP50] = [
    samples.direct,
    samples.plainProxy,
    samples.refused,
    samples.bare,
    samples.miss,
  ].map((s) => percentile(s, 50));

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

  // --- the ticket page of a ticket 3 000 deep, K-LINK 150 ms away --------------------------------
  const page = await ticketPageTimings(
    simPool,
    simHeaders,
    onePool,
    keyHeaders,
    seeded.cookie,
    seeded.warmUpConnectionId,
    simControl,
  );

  // --- the table -----------------------------------------------------------------------------------
  const rate = (r: LoadResult) => r.requests / r.seconds;
  const ratio = rate(proxy) / rate(floor);
  const nextRatio = rate(baseline) / rate(floor);
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
      ["cached GET through the proxy (console server's front door)", underLoad(proxy), "", ""],
      ["bare Next.js route handler, same JSON, same key", underLoad(baseline), "", ""],
      ["plain node:http in the benchmark's process, same bytes", underLoad(floor), "", ""],
      ["cached throughput, proxy / plain node", ratio.toFixed(2), `≥ ${TARGET_RATIO}`, verdict(ratio >= TARGET_RATIO)],
      ["  (bare Next.js route / plain node)", nextRatio.toFixed(2), "", ""],
      ["cold miss through the proxy, p50", ms(missP50), "", ""],
      ["simulator called directly, p50", ms(directP50), "", ""],
      ["added cold-miss p50", ms(added), `≤ ${TARGET_ADDED_MS} ms`, verdict(added <= TARGET_ADDED_MS)],
      [
        "  (for comparison: a plain node:http proxy in a process of its own, added p50)",
        ms(plainProxyP50 - directP50),
        "",
        "",
      ],
      ["  (for comparison: a Next.js route refusing at once, 401, p50)", ms(refusedP50), "", ""],
      ["  (for comparison: the bare Next.js route with the key, p50)", ms(bareP50), "", ""],
      [
        `upstream calls for ${COALESCED_REQUESTS} concurrent identical cold GETs`,
        `${upstreamCalls} (answers ${Object.entries(burstStates)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")})`,
        "exactly 1",
        verdict(upstreamCalls === 1),
      ],
      [
        `ticket page ${TICKET_DEPTH} deep, K-LINK ${KLINK_LATENCY_MS} ms away: cold (worst of ${page.cold.length})`,
        `${ms(Math.max(...page.cold))} (each: ${page.cold.map((v) => v.toFixed(0)).join(", ")} ms)`,
        `≤ ${TARGET_PAGE_COLD_MS} ms`,
        verdict(Math.max(...page.cold) <= TARGET_PAGE_COLD_MS),
      ],
      [
        `  warm, p50 of ${page.warm.length}`,
        ms(percentile(page.warm, 50)),
        `≤ ${TARGET_PAGE_WARM_MS} ms`,
        verdict(percentile(page.warm, 50) <= TARGET_PAGE_WARM_MS),
      ],
      [
        `  (for comparison: a ticket ${page.unseenDepth} deep never seen: the scan)`,
        `${ms(page.unseen)} (${page.unseenListingReads} listing reads)`,
        "",
        "",
      ],
    ],
  );
  page.coldCalls.forEach((calls, i) => console.log(`  cold ticket page ${i + 1}: K-LINK calls ${calls}`));
  for (const problem of problems) console.log(`  problem: ${problem}`);
} catch (error) {
  problems.push((error as Error).message);
  console.error(`bench:proxy: ${(error as Error).message}`);
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
process.exit(problems.length ? 1 : 0);

/** A viewer with an API key and a session, and the simulator as the default connection. */
async function seedConsole(
  database: Db,
  simulatorUrl: string,
): Promise<{ apiKey: string; cookie: string; warmUpConnectionId: string }> {
  const apiKey = generateApiKey();
  const user = await database.user.create({ data: { email: "bench@example.test", name: "Benchmark", role: "viewer" } });
  await database.apiKey.create({
    data: { userId: user.id, name: "bench:proxy", keyHash: apiKey.keyHash, prefix: apiKey.prefix },
  });
  const tokenCiphertext = encryptSecret(TOKEN, encryptionKeys({ APP_ENCRYPTION_KEY: ENCRYPTION_KEY }));
  await database.klinkConnection.create({
    data: { name: "Simulator", baseUrl: simulatorUrl, tokenCiphertext, tokenLast4: TOKEN.slice(-4), isDefault: true },
  });
  const warmUp = await database.klinkConnection.create({
    data: { name: "Simulator (warm-up)", baseUrl: simulatorUrl, tokenCiphertext, tokenLast4: TOKEN.slice(-4) },
  });
  // A session cookie as a sign-in makes it (http: no __Secure- prefix).
  const token = await encode({
    token: { email: user.email, name: user.name, ...newSessionClaims(user.id, user.sessionVersion) },
    secret: NEXTAUTH_SECRET,
  });
  return { apiKey: apiKey.key, cookie: `next-auth.session-token=${token}`, warmUpConnectionId: warmUp.id };
}

type SimControl = <T>(method: "GET" | "POST" | "DELETE", urlPath: string, body?: unknown) => Promise<T>;
type Listed = { data: { id: string; title: string; contactId?: string }[] };

/**
 * Cold and warm timings of the ticket page of the ticket TICKET_DEPTH deep in the listing, with
 * K-LINK KLINK_LATENCY_MS away. Cold: the console has read the listing page that holds the ticket
 * (through the proxy, as the ticket list or any script would), and nothing the ticket page reads
 * is cached; one ticket each time, the five deepest of that listing page. Warm: the first one's
 * page again.
 */
async function ticketPageTimings(
  simPool: Pool,
  simHeaders: Record<string, string>,
  consolePool: Pool,
  keyHeaders: Record<string, string>,
  cookie: string,
  warmUpConnectionId: string,
  simControl: SimControl,
): Promise<{
  cold: number[];
  coldCalls: string[];
  warm: number[];
  unseen: number;
  unseenDepth: number;
  unseenListingReads: number;
}> {
  const listed = await get(simPool, "/api/v1/tickets?page=1&pageSize=1", simHeaders);
  const contactId = (JSON.parse(listed.text) as Listed).data[0].contactId;
  const body = JSON.stringify({ title: "Bench ticket", status: "open", priority: "medium", contact_id: contactId });
  for (let i = 0; i < TICKETS_ADDED; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, TICKETS_ADDED - i) }, async () => {
        const res = await simPool.request({
          method: "POST",
          path: "/api/v1/tickets",
          headers: { ...simHeaders, "content-type": "application/json" },
          body,
        });
        await res.body.text();
        if (res.statusCode !== 201) throw new Error(`the simulator answered ${res.statusCode} to a ticket create`);
      }),
    );
  }
  const listingPage = TICKET_DEPTH / 100;
  const holding = (
    JSON.parse((await get(simPool, `/api/v1/tickets?page=${listingPage}&pageSize=100`, simHeaders)).text) as Listed
  ).data;
  const deepest = holding.slice(-5).reverse(); // the 3 000th first
  // Not among the tickets the cold-miss rounds above read (the 1 510 newest before the 1 001 were added).
  const unseenDepth = TICKET_DEPTH - 100;
  const unseenTicket = (
    JSON.parse(
      (await get(simPool, `/api/v1/tickets?page=${unseenDepth / 100}&pageSize=100`, simHeaders)).text,
    ) as Listed
  ).data[99];
  // What the console has seen: the listing page holding the ticket, read through the proxy.
  const read = await get(consolePool, `/api/klink/v1/tickets?page=${listingPage}&pageSize=100`, keyHeaders);
  if (read.status !== 200) throw new Error(`the proxy answered ${read.status} for the listing page`);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the index is written after the answer

  // A console that has been up a while has run a ticket page's code before (JIT, the query
  // shapes of its database reads, its schemas, sockets to K-LINK); the first visit after a start
  // has not. So that "cold" means what the page reads is not cached, not that the process has
  // just started, the page is visited first through a second connection to the same simulator:
  // the console's cache and ticket index are per connection, so nothing the timed visits read
  // is cached by it.
  for (let i = 0; i < 2; i++) {
    const warmUp = await get(consolePool, `/tickets/${deepest[0].id}`, {
      cookie: `${cookie}; klink_connection=${warmUpConnectionId}`,
    });
    if (warmUp.status !== 200) throw new Error(`the warm-up visit answered ${warmUp.status}`);
  }
  const allReads = async (since = 0) =>
    (await simControl<{ data: { seq: number; endpoint: string | null }[] }>("GET", `requests?since=${since}`)).data;
  const listingReads = async (since = 0) =>
    (await simControl<{ data: { seq: number }[] }>("GET", `requests?endpoint=tickets.list&since=${since}`)).data;
  const fault = await simControl<{ id: string }>("POST", "faults", {
    pathPattern: "/api/v1/**",
    latencyMs: KLINK_LATENCY_MS,
  });
  try {
    const open = async (ticket: { id: string; title: string }) => {
      const started = performance.now();
      const answer = await get(consolePool, `/tickets/${ticket.id}`, { cookie });
      const took = performance.now() - started;
      if (answer.status !== 200 || !answer.text.includes(escapeHtml(ticket.title)))
        problems.push(
          `ticket page ${ticket.id}: ${answer.status}, title ${answer.text.includes(escapeHtml(ticket.title)) ? "shown" : "missing"}`,
        );
      return took;
    };
    const cold: number[] = [];
    const coldCalls: string[] = [];
    for (const ticket of deepest) {
      const since = (await allReads()).at(-1)?.seq ?? 0;
      cold.push(await open(ticket));
      coldCalls.push(tallyText((await allReads(since)).map((r) => r.endpoint ?? "?")));
    }
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push(await open(deepest[0]));
    const before = (await listingReads()).at(-1)?.seq ?? 0;
    const unseen = await open(unseenTicket);
    return { cold, coldCalls, warm, unseen, unseenDepth, unseenListingReads: (await listingReads(before)).length };
  } finally {
    await simControl("DELETE", `faults/${fault.id}`);
  }
}

function tallyText(values: string[]): string {
  return Object.entries(tally(values))
    .map(([name, n]) => `${name}×${n}`)
    .join(" ");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
