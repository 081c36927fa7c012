// Day aggregates and their summary: counts, SLA outcomes, medians and 90th percentiles that can
// only be right if the durations of all days are pooled, breakdown keys, and the comparison.
import { describe, expect, it } from "vitest";
import type { CxLog } from "../../../lib/console/normalize/cx-log";
import { aggregateDay, storedAggregate } from "../../../lib/reports/day-aggregate";
import { quantile } from "../../../lib/reports/quantile";
import { slaOutcome } from "../../../lib/reports/sla-outcome";
import { compareHeadlines, summarize } from "../../../lib/reports/summarize";

const log = (over: Partial<CxLog> & Record<string, unknown>): CxLog => ({
  id: Math.random().toString(36).slice(2),
  direction: "inbound",
  startedDate: "2026-03-08 02:30:00.000+00",
  ...over,
});

describe("quantiles and SLA outcomes", () => {
  it("interpolates between the closest ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("reads meet as met, no status as no SLA, and anything else as a breach", () => {
    expect(["meet", "Met", null, "", "breach", "missed"].map(slaOutcome)).toEqual([
      "met",
      "met",
      "none",
      "none",
      "breached",
      "breached",
    ]);
  });
});

describe("aggregating days", () => {
  const day1 = aggregateDay("2026-03-08", "Asia/Bangkok", [
    log({
      id: "a",
      firstResponseTime: 10,
      handledTime: 100,
      resolutionTime: 200,
      slaStatus: "meet",
      agentId: "ag1",
      agent: { id: "ag1", name: "Sarah" },
      channel: "line",
      queueId: "q1",
      queueName: "Billing",
      disposition: "Resolved",
    }),
    log({
      id: "b",
      firstResponseTime: 30,
      handledTime: "300" as unknown as number,
      slaStatus: "breach",
      agentId: "ag2",
      channel: "line",
      direction: "outbound",
    }),
    log({ id: "b", firstResponseTime: 999 }), // the same log again (moved between pages): counted once
    log({
      id: "c",
      firstResponseTime: null,
      slaStatus: null,
      startedDate: "2026-03-08 16:59:00+00",
      channelType: "email",
    }),
  ]);
  const day2 = aggregateDay("2026-03-09", "Asia/Bangkok", [
    log({
      id: "d",
      firstResponseTime: 50,
      slaStatus: "meet",
      agentId: "ag1",
      agent: { id: "ag1", name: "Sarah" },
      channel: "line",
    }),
    log({ id: "e", firstResponseTime: 70, slaStatus: "meet", agentId: "__proto__", channel: "__proto__" }),
  ]);

  it("counts each log once, by direction, wall-clock hour and SLA outcome", () => {
    expect(day1.count).toBe(3);
    expect(day1.direction).toEqual({ inbound: 2, outbound: 1, other: 0 });
    expect(day1.hourly[9]).toEqual({ inbound: 1, outbound: 1, other: 0 }); // 02:30 UTC = 09:30 Bangkok
    expect(day1.hourly[23].inbound).toBe(1);
    expect(day1.sla).toEqual({ met: 1, breached: 1, none: 1 });
    expect(day1.durations).toEqual({ firstResponse: [10, 30], handled: [100, 300], resolution: [200] });
    expect(day1.breakdowns.agent.ag1).toMatchObject({ label: "Sarah", count: 1 });
    expect(day1.breakdowns.agent.ag2).toMatchObject({ label: "ag2", count: 1 });
    expect(day1.breakdowns.channel.email).toMatchObject({ count: 1 });
    expect(day1.breakdowns.queue.q1).toMatchObject({ label: "Billing" });
  });

  it("pools the durations of every day for the period's median, and keeps odd keys as keys", () => {
    const stored = JSON.parse(JSON.stringify([day1, day2])) as unknown[];
    const days = stored.map((d, i) => storedAggregate(d, ["2026-03-08", "2026-03-09"][i])!);
    const summary = summarize({
      from: "2026-03-08",
      to: "2026-03-10",
      timeZone: "Asia/Bangkok",
      dayNames: ["2026-03-08", "2026-03-09", "2026-03-10"],
      days,
      hourly: false,
    });
    expect(summary.days).toEqual({ asked: 3, read: 2, missing: ["2026-03-10"] });
    // Median of 10, 30, 50, 70 = 40: not the mean of the daily medians (20 and 60 → 40 by luck), so check p90 too.
    expect(summary.speed.overall.firstResponse).toEqual({ median: 40, p90: 64, count: 4 });
    expect(summary.headline).toMatchObject({ interactions: 5, slaMetShare: 0.75 });
    expect(summary.sla.overall).toMatchObject({ met: 3, breached: 1, none: 1, total: 5 });
    expect(summary.breakdowns.agent[0]).toMatchObject({
      key: "ag1",
      label: "Sarah",
      count: 2,
      slaMetShare: 1,
      firstResponseMedian: 30,
    });
    expect(summary.breakdowns.channel.map((r) => r.key)).toEqual(["line", "__proto__", "email"]);
    expect(summary.volume.map((r) => [r.label, r.total])).toEqual([
      ["2026-03-08", 3],
      ["2026-03-09", 2],
    ]);
    expect(storedAggregate({ ...day1, version: 0 }, "2026-03-08")).toBeNull();
  });

  it("shows a day or two per hour, and compares headlines with the previous period", () => {
    const hourly = summarize({
      from: "2026-03-08",
      to: "2026-03-08",
      timeZone: "Asia/Bangkok",
      dayNames: ["2026-03-08"],
      days: [day1],
      hourly: true,
    });
    expect(hourly.volume).toHaveLength(24);
    expect(hourly.volume[9]).toMatchObject({ label: "2026-03-08 09:00", total: 2 });
    const deltas = compareHeadlines(hourly.headline, { ...hourly.headline, interactions: 1, slaMetShare: null });
    expect(deltas.find((d) => d.key === "interactions")).toEqual({
      key: "interactions",
      current: 3,
      previous: 1,
      change: 2,
    });
    expect(deltas.find((d) => d.key === "slaMetShare")?.change).toBeNull();
  });
});
