// Reports against the simulator over a real socket and the real database: the numbers of a
// 30-day report recomputed here from the simulator's own raw logs (cut into days in the zone
// independently of the console), the calls K-LINK gets (each page once; none for finished days
// on a second view, from the cache or from stored days), invalidation by a message webhook and
// by an admin's recompute, K-LINK failing, and the JSON and CSV routes with their roles.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as csvRoute from "../../../app/api/reports/csv/route";
import * as summaryRoute from "../../../app/api/reports/summary/route";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { db } from "../../../lib/db/client";
import type { RequestLogEntry } from "../../../lib/klink/simulator";
import { generateState } from "../../../lib/klink/simulator/seed-data";
import type { CxLogRecord } from "../../../lib/klink/simulator/state";
import { buildReport, type Report } from "../../../lib/reports/build-report";
import { forgetReportDaysOfMessages } from "../../../lib/reports/on-message-events";
import { recomputeDays } from "../../../lib/reports/recompute-days";
import { daysOf, presetRange } from "../../../lib/reports/report-range";
import { resetDatabase } from "../../helpers/db";
import { deleteTestKeys, newRedisCache } from "../../helpers/redis-for-tests";
import { consolePageFor } from "../../helpers/contacts-fixture";
import { REFERENCE_TIME, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

let f: ProxyFixture;
const now = new Date(REFERENCE_TIME);
const ZONE = "Asia/Yangon";
// "Last 30 days" on the simulator's reference day, in Yangon (+06:30).
const range = { ...presetRange("last30", "2026-01-31"), timeZone: ZONE };
const raw = generateState(1, Date.parse(REFERENCE_TIME));

beforeAll(async () => {
  await resetDatabase();
  f = await startProxyFixture();
});
// The cache of a new process: Redis when the PostgreSQL+Redis lane names one, else memory.
const useRedis = Boolean(process.env.TEST_REDIS_URL);
async function freshCache() {
  if (!useRedis) return setCache(new MemoryCache({ maxSizeBytes: 64 * 1024 * 1024 }));
  await setCache(undefined);
  await deleteTestKeys();
  await setCache(newRedisCache());
}
afterAll(async () => {
  await f?.stop();
  await setCache(undefined);
  await deleteTestKeys();
});

const cxRequests = async () =>
  (await f.control<{ data: RequestLogEntry[] }>("GET", "requests?endpoint=cxLogs.list")).data;
const dayOfRequest = (r: RequestLogEntry) => String(r.query.selectedDate).slice(0, 10).replaceAll("/", "-");

/** The calendar date of an instant in a zone, by Intl alone (not the console's helpers). */
const zoneFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
// Every raw log by its day in Yangon, computed once.
const rawByDay = new Map<string, CxLogRecord[]>();
for (const log of raw.cxLogs) {
  const day = zoneFormat.format(log.startedAtMs);
  rawByDay.set(day, [...(rawByDay.get(day) ?? []), log]);
}

function median(values: number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function rawLogsOf(from: string, to: string): CxLogRecord[] {
  return daysOf(from, to).flatMap((day) => rawByDay.get(day) ?? []);
}

describe("a 30-day report", () => {
  // The cold report is computed once (60 days of K-LINK pages); the tests after it build on what
  // it cached and stored, in order.
  let cold: Report;
  let coldRequests: RequestLogEntry[];
  beforeAll(async () => {
    await freshCache();
    await db().reportDay.deleteMany({});
    await f.control("DELETE", "requests");
    cold = await buildReport(consolePageFor(f, "viewer"), range, { now });
    coldRequests = await cxRequests();
  }, 120_000);
  beforeEach(async () => {
    await f.control("DELETE", "requests");
    await f.control("DELETE", "faults");
  });

  it("has the numbers the simulator's raw logs give", () => {
    const report = cold;
    const logs = rawLogsOf(range.from, range.to);
    const { summary } = report;
    expect(logs.length).toBeGreaterThan(2_000);
    expect(summary.days).toEqual({ asked: 30, read: 30, missing: [] });
    expect(summary.totals.total).toBe(logs.length);
    expect(summary.totals.inbound).toBe(logs.filter((l) => l.fields.direction === "inbound").length);
    expect(summary.totals.outbound).toBe(logs.filter((l) => l.fields.direction === "outbound").length);

    const met = logs.filter((l) => l.fields.slaStatus === "meet").length;
    const breached = logs.filter((l) => l.fields.slaStatus === "breach").length;
    expect(summary.sla.overall).toMatchObject({ met, breached, none: logs.length - met - breached });
    expect(summary.headline.slaMetShare).toBeCloseTo(met / (met + breached), 10);
    expect(breached).toBeGreaterThan(0);

    const firstResponses = logs.flatMap((l) =>
      typeof l.fields.firstResponseTime === "number" ? [l.fields.firstResponseTime] : [],
    );
    expect(summary.speed.overall.firstResponse.median).toBe(median(firstResponses));
    expect(summary.speed.overall.handled.median).toBe(median(logs.map((l) => Number(l.fields.handledTime))));
    expect(summary.speed.overall.resolution.median).toBe(median(logs.map((l) => Number(l.fields.resolutionTime))));

    // Per day, cut in Yangon.
    for (const row of summary.volume) expect(row.total).toBe(rawLogsOf(row.label, row.label).length);

    // Per agent, by name.
    const busiest = summary.breakdowns.agent[0];
    const agentLogs = logs.filter((l) => l.agentId === busiest.key);
    expect(busiest.count).toBe(agentLogs.length);
    expect(busiest.label).toBe(raw.agents.find((a) => a.id === busiest.key)?.name);
    expect(busiest.firstResponseMedian).toBe(
      median(
        agentLogs.flatMap((l) => (typeof l.fields.firstResponseTime === "number" ? [l.fields.firstResponseTime] : [])),
      ),
    );
    expect(summary.breakdowns.queue.length).toBeGreaterThanOrEqual(5);
    expect(summary.breakdowns.channel.length).toBeGreaterThanOrEqual(4);

    // The comparison is with the 30 days before.
    expect(report.previous).toMatchObject({ from: "2025-12-03", to: "2026-01-01" });
    const interactions = report.comparison.find((d) => d.key === "interactions")!;
    expect(interactions.previous).toBe(rawLogsOf("2025-12-03", "2026-01-01").length);
    expect(interactions.change).toBe(logs.length - interactions.previous!);
  });

  it("reads each K-LINK page once, 100 at a time, day by day in the zone", () => {
    const requests = coldRequests;
    const pages = requests.map((r) => `${r.query.selectedDate}#${r.query.page}`);
    expect(new Set(pages).size).toBe(pages.length);
    expect(requests.every((r) => r.query.pageSize === "100" && r.headers["x-client-timezone"] === ZONE)).toBe(true);
    const allDays = [...daysOf("2025-12-03", "2026-01-01"), ...daysOf(range.from, range.to)];
    const expected = allDays.reduce((n, day) => n + Math.max(1, Math.ceil(rawLogsOf(day, day).length / 100)), 0);
    expect(requests.length).toBe(expected);
    expect(requests.some((r) => r.query.page === "2")).toBe(true);
    expect(requests[0].query.selectedDate).toMatch(/^\d{4}\/\d{2}\/\d{2} 00:00:00-\d{4}\/\d{2}\/\d{2} 23:59:59$/);
  });

  it("makes no K-LINK call for finished days when opened again: from stored days, from the cache alone, from stored days alone", async () => {
    const page = consolePageFor(f, "viewer");
    const first = cold;
    expect(first.sources).toEqual({ stored: 0, cached: 0, klink: 60 });
    // 59 finished days are stored (today, 2026-01-31 in Yangon, is not over).
    expect(await db().reportDay.count({ where: { connectionId: f.connectionId, timeZone: ZONE } })).toBe(59);

    const second = await buildReport(page, range, { now });
    expect(second.sources).toEqual({ stored: 59, cached: 0, klink: 1 });
    expect((await cxRequests()).filter((r) => dayOfRequest(r) !== "2026-01-31")).toEqual([]);
    expect(second.summary).toEqual(first.summary);

    // Without stored days, the cache holds each finished day's aggregate.
    const storedRows = await db().reportDay.findMany();
    await db().reportDay.deleteMany({});
    const fromCache = await buildReport(page, range, { now });
    expect(fromCache.sources).toEqual({ stored: 0, cached: 59, klink: 1 });
    expect((await cxRequests()).filter((r) => dayOfRequest(r) !== "2026-01-31")).toEqual([]);
    expect(fromCache.summary).toEqual(first.summary);
    for (const row of storedRows) await db().reportDay.create({ data: row as never });

    // A new process with an empty cache: the stored days still answer.
    await freshCache();
    await f.control("DELETE", "requests");
    const third = await buildReport(page, range, { now });
    expect((await cxRequests()).map(dayOfRequest)).toEqual(["2026-01-31"]);
    expect(third.summary).toEqual(first.summary);
  });

  it("reads a day again after a message webhook for that day, and a range again after an admin's recompute", async () => {
    const page = consolePageFor(f, "viewer");
    // 2026-01-10 20:00 UTC is 2026-01-11 02:30 in Yangon.
    await forgetReportDaysOfMessages([
      {
        connectionId: f.connectionId,
        eventType: "message.inbound",
        data: { id: "m1", contactId: "c1", createdAt: "2026-01-10T20:00:00.000Z" },
        processedAt: now,
      },
    ]);
    await buildReport(page, range, { now });
    // Today (2026-01-31) may be read too: it is never stored.
    expect([...new Set((await cxRequests()).map(dayOfRequest))].filter((d) => d !== "2026-01-31")).toEqual([
      "2026-01-11",
    ]);

    await expect(
      recomputeDays(
        consolePageFor(f, "agent").actor,
        f.connectionId,
        { from: "2026-01-20", to: "2026-01-21", timeZone: ZONE },
        async () => "",
      ),
    ).rejects.toMatchObject({ status: 403 });
    const audited: unknown[] = [];
    const { forgotten } = await recomputeDays(
      consolePageFor(f, "admin").actor,
      f.connectionId,
      { from: "2026-01-20", to: "2026-01-21", timeZone: ZONE },
      async (entry) => (audited.push(entry), ""),
    );
    expect(forgotten).toBe(2);
    expect(audited).toMatchObject([{ action: "report.recompute", outcome: "success" }]);
    await f.control("DELETE", "requests");
    await buildReport(page, range, { now });
    expect([...new Set((await cxRequests()).map(dayOfRequest))].filter((d) => d !== "2026-01-31").sort()).toEqual([
      "2026-01-20",
      "2026-01-21",
    ]);
  });

  it("shows what it has when K-LINK fails: stored days, and the days it could not read listed", async () => {
    const page = consolePageFor(f, "viewer");
    await freshCache();
    await f.control("POST", "faults", { pathPattern: "/api/v1/cx-logs", status: 503 });
    const report = await buildReport(page, { ...range, from: "2026-01-25" }, { now });
    expect(report.summary.days).toMatchObject({ asked: 7, read: 6, missing: ["2026-01-31"] });
    expect(report.failure).toMatchObject({ requestId: page.requestId });
    expect(report.summary.totals.total).toBe(rawLogsOf("2026-01-25", "2026-01-30").length);
  });
});

describe("the report API", () => {
  beforeAll(freshCache);

  const get = (
    handler: typeof summaryRoute.GET,
    path: string,
    role: "viewer" | "admin",
    via: "key" | "session" = "key",
  ) => {
    const user = f.users[role];
    const headers: Record<string, string> =
      via === "key" ? { authorization: `Bearer ${user.apiKey}` } : { ...user.headers };
    return handler(new Request(new URL(path, "http://localhost:3000"), { headers }));
  };
  const q = `from=2026-01-29&to=2026-01-30&tz=${encodeURIComponent(ZONE)}`;

  it("answers the summary as JSON for any role, and refuses bad input by field", async () => {
    const res = await get(summaryRoute.GET, `/api/reports/summary?${q}&connection=${f.connectionId}`, "viewer");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      durationUnit: string;
      summary: { totals: { total: number }; granularity: string };
    };
    expect(body.durationUnit).toBe("seconds");
    expect(body.summary.granularity).toBe("hour");
    expect(body.summary.totals.total).toBe(rawLogsOf("2026-01-29", "2026-01-30").length);

    const bad = await get(
      summaryRoute.GET,
      "/api/reports/summary?from=2026-02-30&to=2026-01-01&tz=Mars/Base",
      "viewer",
    );
    expect(bad.status).toBe(400);
    const { fields } = (await bad.json()) as { fields: Record<string, string[]> };
    expect(Object.keys(fields).sort()).toEqual(["query.from", "query.tz"]);

    const unknown = await get(summaryRoute.GET, `/api/reports/summary?${q}&connection=nope`, "viewer");
    expect(unknown.status).toBe(404);
    const anonymous = await summaryRoute.GET(new Request(`http://localhost:3000/api/reports/summary?${q}`));
    expect(anonymous.status).toBe(401);
  });

  it("exports every table as CSV with the page's numbers", async () => {
    const base = `from=2026-01-29&to=2026-01-30&tz=${encodeURIComponent(ZONE)}&connection=${f.connectionId}`;
    for (const table of ["volume", "sla", "speed", "channel", "queue", "agent", "disposition", "comparison"]) {
      const res = await get(csvRoute.GET, `/api/reports/csv?table=${table}&${base}`, "viewer");
      expect(res.status, table).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect((await res.text()).split("\r\n").length, table).toBeGreaterThan(2);
    }
    const volume = await (await get(csvRoute.GET, `/api/reports/csv?table=volume&${base}`, "viewer")).text();
    const lines = volume.trim().split("\r\n");
    expect(lines[0]).toBe("hour,inbound,outbound,other,total");
    expect(lines).toHaveLength(1 + 48);
    const total = lines.slice(1).reduce((n, line) => n + Number(line.split(",")[4]), 0);
    expect(total).toBe(rawLogsOf("2026-01-29", "2026-01-30").length);
    const agents = await (await get(csvRoute.GET, `/api/reports/csv?table=agent&${base}`, "viewer")).text();
    expect(agents.split("\r\n")[0]).toBe("key,agent,interactions,sla_met_percent,first_response_median_seconds");
    const badTable = await get(csvRoute.GET, `/api/reports/csv?table=secrets&${base}`, "viewer");
    expect(badTable.status).toBe(400);
  });
});
