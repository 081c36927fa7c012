// The proxy against the simulator's shape variants (custom fields as a map or under
// custom_fields, unknown fields everywhere, optional fields missing or null, numbers as strings,
// empty nested objects): every call succeeds with K-LINK's answer unchanged, every write is a
// success, and each place that differed from the registry is recorded as drift.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { flushDrift, resetDriftRecorder } from "../../../lib/drift/record-drift";
import { endpointNames } from "../../../lib/klink/registry";
import { metrics } from "../../../lib/metrics/registry";
import { resetDatabase, testDb } from "../../helpers/db";
import { samples, seedIds, type Sample } from "../../helpers/endpoint-samples";
import { PROXY_DOORS, SIM_TOKEN, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  let f: ProxyFixture;
  let seeds: Awaited<ReturnType<typeof seedIds>>;

  beforeAll(async () => {
    await resetDatabase();
    resetDriftRecorder();
    await setCache(new MemoryCache({ maxSizeBytes: 8 * 1024 * 1024 }));
    f = await startProxyFixture({ door });
    seeds = await seedIds(f);
    await f.control("POST", "variants", { variants: "all" });
  });
  afterAll(async () => {
    await f?.stop();
    await setCache(undefined);
  });

  /** The same request made to the simulator directly, as K-LINK. */
  async function direct(sample: Sample): Promise<unknown> {
    const res = await fetch(`${f.sim.url}${sample.path.replace("/api/klink/v1/", "/api/v1/")}`, {
      headers: { authorization: `Bearer ${SIM_TOKEN}`, ...sample.headers },
    });
    return res.json();
  }

  /** CX log answers carry a new request id each time; everything else must be equal. */
  const withoutRequestId = (body: unknown) => ({ ...(body as object), requestId: undefined });

  describe("the proxy against K-LINK answers in other shapes", () => {
    it.each(endpointNames)("%s succeeds with the answer as K-LINK sent it", async (name) => {
      const sample = await samples[name](f, seeds);
      const answer = await f.call(sample.method, sample.path, {
        as: "admin",
        body: sample.body,
        headers: sample.headers,
      });
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(300);
      if (sample.method === "GET") {
        expect(withoutRequestId(answer.json)).toEqual(withoutRequestId(await direct(sample)));
      } else {
        const audit = await testDb().auditLog.findFirst({ orderBy: { createdAt: "desc" } });
        expect(audit).toMatchObject({ outcome: "success", upstreamStatus: answer.status });
      }
    });

    it("records where the answers differed, per connection, endpoint and path, and counts it", async () => {
      // A whole page of tickets shows every per-record variant.
      expect((await f.call("GET", "/api/klink/v1/tickets?pageSize=100", { as: "viewer" })).status).toBe(200);
      await flushDrift();
      const rows = await testDb().klinkDrift.findMany({ where: { connectionId: f.connectionId } });
      const seen = new Set(rows.map((r) => `${r.endpoint} ${r.path} ${r.kind} ${r.expected}→${r.received}`));
      const paths = new Set(rows.map((r) => `${r.endpoint} ${r.path}`));
      // One row per path: a field missing from some tickets and null in others is one path.
      for (const path of [
        "tickets.list data[].description",
        "tickets.list data[].tags",
        "tickets.list data[].contact.id",
      ])
        expect(paths).toContain(path);
      for (const expected of [
        "tickets.list total type number→string",
        "tickets.list data[].ticketNumber type number→string",
        "tickets.list data[].customFields type array→object",
        "tickets.list data[].custom_fields unknown absent→array",
        "tickets.list data[].extraField unknown absent→string",
        "tickets.list data[].assignee.id missing string→missing",
        "contacts.get data.extraField unknown absent→string",
        "cxLogs.list cxLogs.data[].caseId type number|null→string",
        "categories.list data[].childCategoryList[].level type number→string",
        "tickets.create data.ticketNumber type number→string",
      ])
        expect(seen).toContain(expected);
      expect(rows.every((r) => Number(r.count) >= 1 && r.firstSeenAt <= r.lastSeenAt)).toBe(true);
      const series = (await metrics().upstreamDrift.get()).values;
      expect(series).toContainEqual(
        expect.objectContaining({ labels: { endpoint: "tickets.list", path: "data[].customFields" } }),
      );
    });
  });
});
