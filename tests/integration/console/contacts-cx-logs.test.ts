// CX logs by date range and per contact, against the simulator over a socket: the URL state of
// the CX logs page, the one K-LINK request a range of days becomes (in the browser's zone), and
// a contact's CX logs found in the shared, cached window.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { contactCxLogs, CONTACT_CX_DAYS, CONTACT_CX_MAX_PAGES, type CxLog } from "../../../lib/console/contact-cx-logs";
import { cxLogQuery, cxLogsHref, cxLogsProxyUrl, selectedDateOf } from "../../../lib/console/cx-log-range";
import { formatInZone } from "../../../lib/console/zoned-time";
import type { RequestLogEntry } from "../../../lib/klink/simulator";
import { resetDatabase } from "../../helpers/db";
import { REFERENCE_TIME, SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { consolePageFor } from "../../helpers/contacts-fixture";

let f: ProxyFixture;
const now = new Date(REFERENCE_TIME);

beforeAll(async () => {
  await resetDatabase();
  f = await startProxyFixture();
});
beforeEach(async () => {
  await setCache(new MemoryCache({ maxSizeBytes: 32 * 1024 * 1024 }));
  await f.control("DELETE", "requests");
  await f.control("DELETE", "faults");
});
afterAll(async () => {
  await f?.stop();
  await setCache(undefined);
});

type CxListing = { cxLogs: { data: CxLog[]; total: number; page: number; pageSize: number } };
const cxRequests = async () =>
  (await f.control<{ data: RequestLogEntry[] }>("GET", "requests?endpoint=cxLogs.list")).data;

/** Every log K-LINK has for a selectedDate, asked directly (not through the console). */
async function everyLog(selectedDate: string, timeZone: string): Promise<CxLog[]> {
  const logs: CxLog[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(
      `${f.sim.url}/api/v1/cx-logs?${new URLSearchParams({ selectedDate, page: String(page), pageSize: "100" })}`,
      {
        headers: { authorization: `Bearer ${SIM_TOKEN}`, "x-client-timezone": timeZone },
      },
    );
    const body = (await res.json()) as CxListing;
    logs.push(...body.cxLogs.data);
    if (logs.length >= body.cxLogs.total || body.cxLogs.data.length === 0) return logs;
  }
}

describe("the CX logs page's range", () => {
  it("defaults to the last 7 days ending today in the chosen zone, which may already be tomorrow in UTC", () => {
    const late = new Date("2026-01-30T20:00:00Z");
    expect(cxLogQuery({ tz: "Asia/Bangkok" }, late)).toMatchObject({
      from: "2026-01-25",
      to: "2026-01-31",
      timeZone: "Asia/Bangkok",
      page: 1,
      pageSize: 25,
      problems: {},
    });
    expect(cxLogQuery({ tz: "America/New_York" }, late)).toMatchObject({ from: "2026-01-24", to: "2026-01-30" });
    // No zone yet: nothing is read until the browser says which it is in.
    expect(cxLogQuery({}, late).timeZone).toBeUndefined();
  });

  it("refuses a start after the end, an over-long range, bad dates and unknown zones, by field", () => {
    expect(cxLogQuery({ from: "2026-02-10", to: "2026-02-01", tz: "UTC" }, now).problems).toEqual({
      from: "must not be after the end date",
    });
    expect(cxLogQuery({ from: "2024-01-01", to: "2026-01-01", tz: "UTC" }, now).problems).toEqual({
      from: "the range may span at most 366 days",
    });
    expect(cxLogQuery({ from: "2026-02-30", to: "soon", tz: "Mars/Olympus" }, now).problems).toEqual({
      from: "must be a date YYYY-MM-DD",
      to: "must be a date YYYY-MM-DD",
      tz: "is not an IANA time zone such as Asia/Bangkok",
    });
  });

  it("keeps the range, zone and page in the page's URL, leaving defaults out", () => {
    const query = cxLogQuery(
      { from: "2026-01-01", to: "2026-01-07", tz: "Asia/Yangon", page: "3", pageSize: "50" },
      now,
    );
    expect(cxLogsHref(query)).toBe("/cx-logs?from=2026-01-01&to=2026-01-07&tz=Asia%2FYangon&page=3&pageSize=50");
    expect(cxLogsHref({ ...query, page: 1, pageSize: 25 })).toBe(
      "/cx-logs?from=2026-01-01&to=2026-01-07&tz=Asia%2FYangon",
    );
  });

  it("reads a range of days as ONE K-LINK request from the first midnight to the last second, in the browser's zone, with K-LINK's own pages", async () => {
    const query = cxLogQuery({ from: "2026-01-10", to: "2026-01-16", tz: "Asia/Bangkok", pageSize: "100" }, now);
    const answer = await f.call("GET", cxLogsProxyUrl(query), {
      as: "viewer",
      via: "session",
      headers: { "x-client-timezone": "Asia/Bangkok" },
    });
    expect(answer.status).toBe(200);
    const listing = answer.json as CxListing;
    const [request] = await cxRequests();
    expect(request.query).toMatchObject({
      selectedDate: "2026/01/10 00:00:00-2026/01/16 23:59:59",
      page: "1",
      pageSize: "100",
    });
    expect(request.headers["x-client-timezone"]).toBe("Asia/Bangkok");

    // Every log started within those days on a Bangkok wall clock, and none of theirs is missing.
    const days = listing.cxLogs.data.map((log) => formatInZone(log.startedDate, "Asia/Bangkok").slice(0, 10));
    expect(days.length).toBeGreaterThan(20);
    expect(days.every((d) => d >= "2026-01-10" && d <= "2026-01-16")).toBe(true);
    expect(listing.cxLogs.total).toBe(
      (await everyLog(selectedDateOf("2026-01-10", "2026-01-16"), "Asia/Bangkok")).length,
    );

    // The same days in another zone are other logs, and another cache entry.
    const utc = await f.call("GET", cxLogsProxyUrl(query), {
      as: "viewer",
      via: "session",
      headers: { "x-client-timezone": "UTC" },
    });
    expect(utc.headers.get("x-cache")).toBe("MISS");
    expect((utc.json as CxListing).cxLogs.data.map((l) => l.id)).not.toEqual(listing.cxLogs.data.map((l) => l.id));
  });
});

describe("a contact's CX logs", () => {
  it("finds exactly the contact's logs of the last 90 days (UTC), newest first", async () => {
    const today = REFERENCE_TIME.slice(0, 10);
    const window = selectedDateOf(
      new Date(Date.parse(`${today}T00:00:00Z`) - (CONTACT_CX_DAYS - 1) * 86_400_000).toISOString().slice(0, 10),
      today,
    );
    const all = await everyLog(window, "UTC");
    // The newest logs are searched: pick a contact seen there several times.
    const searched = all.slice(0, CONTACT_CX_MAX_PAGES * 100);
    const counts = new Map<string, number>();
    for (const log of searched) counts.set(log.contactId!, (counts.get(log.contactId!) ?? 0) + 1);
    const [contactId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];

    const result = await contactCxLogs(consolePageFor(f, "viewer"), contactId, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.logs.map((l) => l.id)).toEqual(searched.filter((l) => l.contactId === contactId).map((l) => l.id));
    expect(result.logs.length).toBe(counts.get(contactId));
    expect({ total: result.total, scanned: result.scanned }).toEqual({ total: all.length, scanned: searched.length });
    const requests = await cxRequests();
    expect(requests.every((r) => r.query.selectedDate === window && r.headers["x-client-timezone"] === "UTC")).toBe(
      true,
    );
  });

  it("reads at most 10 pages of 100, once for every contact page (they share the cached window)", async () => {
    const page = consolePageFor(f, "viewer");
    const first = await contactCxLogs(page, "some-contact", now);
    const second = await contactCxLogs(page, "another-contact", now);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok) return;
    expect(first.total).toBeGreaterThan(CONTACT_CX_MAX_PAGES * 100);
    expect(first.scanned).toBe(CONTACT_CX_MAX_PAGES * 100);
    expect((await cxRequests()).map((r) => r.query.page).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: CONTACT_CX_MAX_PAGES }, (_, i) => String(i + 1)),
    );
  });

  it("says what failed, with the page's request id, when K-LINK refuses the listing", async () => {
    await f.control("POST", "faults", { pathPattern: "/api/v1/cx-logs", status: 422 });
    const page = consolePageFor(f, "viewer");
    const result = await contactCxLogs(page, "any", now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ status: 422, code: "upstream_rejected", requestId: page.requestId });
  });
});
