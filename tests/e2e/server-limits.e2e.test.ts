// The body and cache limits of issue 19, against one real console server process (the built
// console, scripts/serve.mjs, as `npm start` runs it, on its own SQLite database, with a K-LINK
// simulator on a real socket), measured from outside that process:
// - ten parallel 100 MB posts to each unauthenticated route (the sign-in callback and the K-LINK
//   webhook endpoint) leave it answering, with its resident memory (VmRSS) grown by under 50 MB;
// - a flood of distinct query strings on a proxied K-LINK read stores nothing in the cache: every
//   answer is uncacheable, and the cache's hit/miss/stale count does not move.
// Without the limits both fail: a server buffering the bodies would hold 2 GB (or die), and one
// caching by the raw query string would count 2 000 misses (one new entry each).
// Runs with the browser journeys, on the build their global set-up makes (tests/helpers/global-build.ts).
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { generateApiKey } from "../../lib/api-keys/api-key-format";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";
import { migrateDatabase } from "../../scripts/run-prisma-migrate";

const MB = 1024 * 1024;
const METRICS_TOKEN = `metrics-${Math.random().toString(36).slice(2)}`;

let server: ConsoleServer;
let sim: RunningSimulator;
let database: Db;
let serverPid: number;
let connectionId: string;
let adminKey: string;

/** The pid of the console server this worker started: its child running scripts/serve.mjs on our port. */
function findServerPid(port: number): number {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${name}/cmdline`, "utf8").includes("scripts/serve.mjs")) continue;
      if (!readFileSync(`/proc/${name}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) continue;
      return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error("the console server process was not found");
}

function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

/** 100 MB, streamed in 64 KB chunks from one reused buffer: the client holds no more than that. */
function* hundredMegabytes() {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  for (let sent = 0; sent < 100 * MB; sent += chunk.length) yield chunk;
}

/** Posts 100 MB (chunked, no Content-Length: the server must cut it off while reading). Status, or the error the client saw. */
function postHuge(pathname: string, headers: Record<string, string>): Promise<number | string> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: number | string) => {
      if (settled) return;
      settled = true;
      body.destroy();
      req.destroy();
      resolve(value);
    };
    const body = Readable.from(hundredMegabytes(), { objectMode: false });
    const req = request(`${server.url}${pathname}`, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
      res.on("error", () => done(res.statusCode ?? 0));
    });
    req.setTimeout(30_000, () => done("timeout"));
    req.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    body.on("error", () => {});
    body.pipe(req);
  });
}

async function metricsText(): Promise<string> {
  const res = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** Sum of a counter's samples whose labels match all of `labels`. */
function counter(text: string, name: string, labels: Record<string, string>): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (!Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

beforeAll(async () => {
  const encryptionKey = Buffer.alloc(32, 11).toString("base64");
  const token = `kpt_abuse${Math.random().toString(36).slice(2, 14)}`;
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-abuse-")), "console.db")}`;
  migrateDatabase(databaseUrl, { quiet: true });
  sim = await startSimulator({ port: 0, tokens: [token] });
  database = createDb(databaseUrl);
  const saved = { DATABASE_URL: process.env.DATABASE_URL, APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey });
  try {
    const { seedDemo } = await import("../../scripts/demo-seed");
    const seeded = await seedDemo({ klinkBaseUrl: sim.url, klinkToken: token, webhookSecret: "whsec_abuse_test" });
    connectionId = seeded.connectionId!;
    const admin = seeded.users.find((u) => u.role === "admin")!;
    const adminUser = await database.user.findFirstOrThrow({ where: { email: admin.email } });
    const { key, keyHash, prefix } = generateApiKey();
    await database.apiKey.create({ data: { userId: adminUser.id, name: "abuse", keyHash, prefix } });
    adminKey = key;
    const { db } = await import("../../lib/db/client");
    await db().$disconnect();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  server = await startConsole(
    { DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey, METRICS_TOKEN },
    { migrate: false },
  );
  serverPid = findServerPid(server.port);
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await sim?.stop();
  await database?.$disconnect();
});

describe("against the real server", () => {
  it("ten parallel 100 MB posts to each unauthenticated route: still answering, RSS grown by under 50 MB", async () => {
    const routes: [string, Record<string, string>][] = [
      ["/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" }],
      [`/api/webhooks/klink/${connectionId}`, { "content-type": "application/json" }],
    ];
    // Warm-up: the routes' modules loaded, so what follows measures the bodies only.
    for (const [pathname, headers] of routes) {
      const res = await fetch(`${server.url}${pathname}`, { method: "POST", headers, body: "x" });
      await res.text();
    }
    const before = rssBytes(serverPid);
    const outcomes = await Promise.all(
      routes.flatMap(([pathname, headers]) => Array.from({ length: 10 }, () => postHuge(pathname, headers))),
    );
    // Each post was cut off: a 413, or (the server closing while the client still writes) a reset.
    for (const outcome of outcomes)
      expect(outcome === 413 || /^E[A-Z]+$/.test(String(outcome)), String(outcome)).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const grown = rssBytes(serverPid) - before;
    expect(grown, `RSS grew by ${(grown / MB).toFixed(1)} MB`).toBeLessThan(50 * MB);
    // The server read at most its limits, not the 2 GB sent.
    const text = await metricsText();
    const read = counter(text, "klink_console_request_body_bytes_total", {});
    expect(read).toBeLessThan(20 * 2 * MB);
  }, 60_000);

  it("a flood of distinct query strings is not cached: every answer uncacheable, no cache entry made", async () => {
    // 2 000, not the 10 000 of the issue: 2 000 take about 10 s here, 10 000 would take about 50 s,
    // and 2 000 already show the bound (a per-query cache would count 2 000 misses).
    const N = 2_000;
    const cached = (text: string) =>
      ["hit", "miss", "stale"].reduce(
        (sum, state) => sum + counter(text, "klink_console_cache_reads_total", { endpoint: "categories.list", state }),
        0,
      );
    const uncacheable = (text: string) =>
      counter(text, "klink_console_cache_reads_total", { endpoint: "categories.list", state: "uncacheable" });
    const first = await metricsText();
    const states = new Map<string, number>();
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, j) => {
          const res = await fetch(
            `${server.url}/api/klink/v1/categories?x=${i + j}-${Math.random().toString(36).slice(2)}`,
            {
              headers: { authorization: `Bearer ${adminKey}` },
            },
          );
          await res.arrayBuffer();
          expect(res.status).toBe(200);
          const state = res.headers.get("x-cache") ?? "none";
          states.set(state, (states.get(state) ?? 0) + 1);
        }),
      );
    }
    // An uncacheable answer carries no X-Cache at all; a cached one would say MISS, then HIT.
    expect(Object.fromEntries(states)).toEqual({ none: N });
    const last = await metricsText();
    expect(uncacheable(last) - uncacheable(first)).toBeGreaterThanOrEqual(N);
    expect(cached(last) - cached(first)).toBeLessThanOrEqual(5);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);
});
