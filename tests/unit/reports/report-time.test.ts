// Days cut in the chosen zone: presets, previous periods, the cache policy of finished days and
// the hour of a log, in zones with a half-hour offset (Asia/Yangon +06:30), none (Asia/Bangkok)
// and daylight saving (America/New_York, which moved from -05:00 to -04:00 on 2026-03-08).
import { describe, expect, it } from "vitest";
import { finishedCxLogPolicy, utcDatesBetween } from "../../../lib/klink/cx-log-cache";
import { zonedTimeToUtc } from "../../../lib/klink/zoned-clock";
import { hourIn } from "../../../lib/reports/day-aggregate";
import { daysOf, previousPeriod, reportHref, reportQuery } from "../../../lib/reports/report-range";

const local = (day: string, hour = 0, minute = 0, second = 0) => {
  const [year, month, d] = day.split("-").map(Number);
  return { year, month, day: d, hour, minute, second };
};

describe("presets in the browser's zone", () => {
  // 2026-03-31 18:00 UTC is already April 1st in Yangon (00:30) but still March 31st in New York.
  const now = new Date("2026-03-31T18:00:00Z");

  it("cuts today, this month and last month where the zone's calendar is, not where UTC's is", () => {
    expect(reportQuery({ preset: "today", tz: "Asia/Yangon" }, now)).toMatchObject({
      from: "2026-04-01",
      to: "2026-04-01",
    });
    expect(reportQuery({ preset: "today", tz: "America/New_York" }, now)).toMatchObject({
      from: "2026-03-31",
      to: "2026-03-31",
    });
    expect(reportQuery({ preset: "thisMonth", tz: "Asia/Yangon" }, now)).toMatchObject({
      from: "2026-04-01",
      to: "2026-04-01",
    });
    expect(reportQuery({ preset: "lastMonth", tz: "Asia/Yangon" }, now)).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(reportQuery({ preset: "lastMonth", tz: "America/New_York" }, now)).toMatchObject({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(reportQuery({ preset: "yesterday", tz: "Asia/Bangkok" }, now)).toMatchObject({
      from: "2026-03-31",
      to: "2026-03-31",
    });
    expect(reportQuery({ preset: "last30", tz: "Asia/Bangkok" }, now)).toMatchObject({
      from: "2026-03-03",
      to: "2026-04-01",
    });
  });

  it("keeps a custom range, and says by field what is wrong with the URL", () => {
    expect(reportQuery({ from: "2026-03-01", to: "2026-03-10", tz: "UTC" }, now)).toMatchObject({
      preset: "custom",
      from: "2026-03-01",
      to: "2026-03-10",
      problems: {},
    });
    expect(reportQuery({ preset: "fortnight", from: "2026-02-30", to: "x", tz: "Mars/Base" }, now).problems).toEqual({
      preset: "must be one of today, yesterday, last7, last30, thisMonth, lastMonth, custom",
      tz: "is not an IANA time zone such as Asia/Bangkok",
    });
    expect(reportQuery({ preset: "custom", from: "2026-02-30", to: "x", tz: "UTC" }, now).problems).toEqual({
      from: "must be a date YYYY-MM-DD",
      to: "must be a date YYYY-MM-DD",
    });
    expect(reportHref({ preset: "custom", from: "2026-03-01", to: "2026-03-10", timeZone: "Asia/Yangon" })).toBe(
      "/reports?from=2026-03-01&to=2026-03-10&tz=Asia%2FYangon",
    );
    expect(reportHref({ preset: "last30", from: "x", to: "y", timeZone: "Asia/Yangon" })).toBe(
      "/reports?preset=last30&tz=Asia%2FYangon",
    );
  });

  it("compares with the period of the same length just before, across a month end", () => {
    expect(previousPeriod("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(daysOf("2026-03-07", "2026-03-09")).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
  });
});

describe("a day in a zone", () => {
  it("starts at the zone's midnight: +06:30 in Yangon, +07:00 in Bangkok, -05:00 then -04:00 in New York", () => {
    expect(new Date(zonedTimeToUtc(local("2026-03-08"), "Asia/Yangon")).toISOString()).toBe("2026-03-07T17:30:00.000Z");
    expect(new Date(zonedTimeToUtc(local("2026-03-08"), "Asia/Bangkok")).toISOString()).toBe(
      "2026-03-07T17:00:00.000Z",
    );
    expect(new Date(zonedTimeToUtc(local("2026-03-08"), "America/New_York")).toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(new Date(zonedTimeToUtc(local("2026-03-09"), "America/New_York")).toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
    // The day of the change has 23 hours.
    const start = zonedTimeToUtc(local("2026-03-08"), "America/New_York");
    const end = zonedTimeToUtc(local("2026-03-08", 23, 59, 59), "America/New_York") + 1000;
    expect((end - start) / 3_600_000).toBe(23);
  });

  it("puts a log in the wall-clock hour of its zone", () => {
    const at = Date.parse("2026-03-08T07:15:00Z");
    expect(hourIn("Asia/Yangon", at)).toBe(13); // 13:45
    expect(hourIn("Asia/Bangkok", at)).toBe(14);
    expect(hourIn("America/New_York", at)).toBe(3); // 03:15 EDT, the hour after the jump
    expect(hourIn("America/New_York", Date.parse("2026-03-08T06:59:00Z"))).toBe(1); // 01:59 EST
  });
});

describe("the cache policy of CX-log reads", () => {
  const day = (d: string) => `${d.replaceAll("-", "/")} 00:00:00-${d.replaceAll("-", "/")} 23:59:59`;

  it("keeps a finished day long, tagged with the UTC dates it overlaps; today stays live", () => {
    const now = Date.parse("2026-03-09T12:00:00Z");
    const yangon = finishedCxLogPolicy(
      { selectedDate: day("2026-03-08") },
      { "x-client-timezone": "Asia/Yangon" },
      now,
    );
    expect(yangon?.ttlSeconds).toBe(86_400);
    expect(yangon?.tags).toEqual(["cx-logs:utc:2026-03-07", "cx-logs:utc:2026-03-08"]);
    const newYork = finishedCxLogPolicy(
      { selectedDate: day("2026-03-08") },
      { "x-client-timezone": "America/New_York" },
      now,
    );
    expect(newYork?.tags).toEqual(["cx-logs:utc:2026-03-08", "cx-logs:utc:2026-03-09"]);
    // 2026-03-09 in Yangon ends at 17:29:59 UTC, after "now": not over yet.
    expect(
      finishedCxLogPolicy({ selectedDate: day("2026-03-09") }, { "x-client-timezone": "Asia/Yangon" }, now),
    ).toBeUndefined();
    // A week is the CX log page's range, not a report day: the live policy.
    expect(
      finishedCxLogPolicy(
        { selectedDate: "2026/02/01 00:00:00-2026/02/07 23:59:59" },
        { "x-client-timezone": "UTC" },
        now,
      ),
    ).toBeUndefined();
  });

  it("lists the UTC dates of an interval", () => {
    expect(utcDatesBetween(Date.parse("2026-03-07T17:30:00Z"), Date.parse("2026-03-08T17:29:59Z"))).toEqual([
      "2026-03-07",
      "2026-03-08",
    ]);
  });
});
