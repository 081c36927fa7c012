// npm run bench:reports — a 30-day report (with its comparison period: 60 days of CX logs) from
// the simulator in a process of its own, computed in this process by the same lib code the
// Reports page runs, on a fresh SQLite file and a memory cache. Three ways, each timed (server
// time: from the call to the finished report) with the upstream calls it made:
//   - cold: nothing cached, nothing stored. Its calls must be exactly one per K-LINK page of each
//     day (Σ days × pages), none read twice.
//   - warm: stored days removed, the cache kept. Targets: < 300 ms, no call.
//   - stored: a new empty cache, the stored day aggregates kept. Target: < 100 ms, no call.
// The range is the 30 days ending yesterday in the zone (today is never stored).
// Warm and stored are the median of BENCH_REPORT_RUNS runs (default 5). Exits 1 when a number is
// wrong (calls, pages read twice); a missed speed target is printed, not fatal.
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { startSimulatorProcess } from "./simulator-process";
import { printTable } from "./table";
import type { Prisma } from "../lib/db/generated/sqlite/client";

const TOKEN = "kpt_benchreports0123456789abcdef";
const ZONE = process.env.BENCH_REPORT_ZONE ?? "Asia/Bangkok";
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const loadAtStart = loadavg()[0];

process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "bench-reports-")), "bench.db")}`;
process.env.APP_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";

const { migrateDatabase } = await import("../scripts/run-prisma-migrate");
const { db } = await import("../lib/db/client");
const { setCache } = await import("../lib/cache/get-cache");
const { MemoryCache } = await import("../lib/cache/memory-cache");
const { insertConnection } = await import("../lib/connections/create-connection");
const { buildReport } = await import("../lib/reports/build-report");
const { presetRange, daysOf, previousPeriod } = await import("../lib/reports/report-range");
const { dateIn } = await import("../lib/console/zoned-time");
const { addDays } = await import("../lib/console/cx-log-range");

migrateDatabase(process.env.DATABASE_URL, { quiet: true });
const sim = await startSimulatorProcess(TOKEN);
const problems: string[] = [];
try {
  const connectionId = (await insertConnection({ name: "Benchmark", baseUrl: sim.url, token: TOKEN }, async () => ""))
    .id;
  const page = {
    actor: {
      type: "user" as const,
      userId: "bench",
      email: "bench@example.com",
      name: "Bench",
      role: "viewer" as const,
    },
    connectionId,
    requestId: "bench-reports",
  };
  // The 30 days that are over (ending yesterday in the zone): every one of them can be cached and
  // stored, so warm and stored runs measure the console alone. Today is never stored and would
  // add one K-LINK round trip to every run.
  const range = { ...presetRange("last30", addDays(dateIn(ZONE, new Date()), -1)), timeZone: ZONE };
  const freshCache = () => setCache(new MemoryCache({ maxSizeBytes: 128 * 1024 * 1024 }));
  type Req = { query: Record<string, string> };
  const requests = async () =>
    ((await (await fetch(`${sim.url}/__sim/requests?endpoint=cxLogs.list`)).json()) as { data: Req[] }).data;
  const clearRequests = () => fetch(`${sim.url}/__sim/requests`, { method: "DELETE" });

  async function timed(): Promise<{ ms: number; calls: Req[] }> {
    await clearRequests();
    const started = performance.now();
    const report = await buildReport(page, range);
    const ms = performance.now() - started;
    if (report.summary.days.read !== 30) problems.push(`a report read ${report.summary.days.read} of 30 days`);
    return { ms, calls: await requests() };
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  await freshCache();
  const cold = await timed();
  const keys = cold.calls.map((r) => `${r.query.selectedDate}#${r.query.page}`);
  if (new Set(keys).size !== keys.length) problems.push("cold: a K-LINK page was read twice");
  // Days × pages: what K-LINK holds per day, asked directly.
  const before = previousPeriod(range.from, range.to);
  const allDays = [...daysOf(before.from, before.to), ...daysOf(range.from, range.to)];
  const firstPages = cold.calls.filter((r) => r.query.page === "1").length;
  if (firstPages !== allDays.length) problems.push(`cold: ${firstPages} first pages for ${allDays.length} days`);
  const maxPages = Math.max(
    ...allDays.map((day) => cold.calls.filter((r) => r.query.selectedDate.startsWith(day.replaceAll("-", "/"))).length),
  );

  // Warm: the cache the cold run filled, without stored days (kept aside, put back for the stored runs).
  const storedRows = await db().reportDay.findMany();
  const warmRuns: { ms: number; calls: Req[] }[] = [];
  for (let i = 0; i < runs; i++) {
    await db().reportDay.deleteMany({});
    warmRuns.push(await timed());
  }
  for (const row of storedRows)
    await db().reportDay.create({ data: { ...row, aggregate: row.aggregate as Prisma.InputJsonValue } });
  const storedRuns: { ms: number; calls: Req[] }[] = [];
  for (let i = 0; i < runs; i++) {
    await freshCache();
    storedRuns.push(await timed());
  }
  const calls = (rs: { calls: Req[] }[]) => Math.max(...rs.map((r) => r.calls.length));
  if (calls(warmRuns) > 0) problems.push("warm: K-LINK was called");
  if (calls(storedRuns) > 0) problems.push("stored: K-LINK was called");

  const warmMs = median(warmRuns.map((r) => r.ms));
  const storedMs = median(storedRuns.map((r) => r.ms));
  console.log(
    `\nbench:reports — 30-day report ${range.from} → ${range.to} + comparison (60 days) in ${ZONE}, load ${loadAtStart.toFixed(2)}\n`,
  );
  printTable(
    ["run", "server time", "upstream calls", "target"],
    [
      [
        "cold",
        `${cold.ms.toFixed(0)} ms`,
        `${cold.calls.length} (${allDays.length} days, ≤ ${maxPages} pages/day, none twice)`,
        "= Σ days × pages",
      ],
      ["warm (cache)", `${warmMs.toFixed(0)} ms`, String(calls(warmRuns)), "< 300 ms"],
      ["stored days", `${storedMs.toFixed(0)} ms`, String(calls(storedRuns)), "< 100 ms"],
    ],
  );
  if (warmMs >= 300) console.log(`  missed: warm ${warmMs.toFixed(0)} ms ≥ 300 ms`);
  if (storedMs >= 100) console.log(`  missed: stored ${storedMs.toFixed(0)} ms ≥ 100 ms`);
} finally {
  await sim.stop();
  await db().$disconnect();
}
if (problems.length) {
  console.error(`bench:reports: ${problems.join("; ")}`);
  process.exit(1);
}
