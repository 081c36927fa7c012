// Drift is recorded, never raised: a log line naming where (never what), a metric by endpoint and
// path, and one bounded row per connection, endpoint and path, written in batches off the hot path.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DriftFinding } from "../../../lib/klink/find-drift";
import type { Actor } from "../../../lib/identity/actor";
import { MAX_DRIFT_PATHS_PER_CONNECTION } from "../../../lib/drift/drift-store";
import { listDrift } from "../../../lib/drift/list-drift";
import { flushDrift, MAX_METRIC_PATHS, recordDrift, resetDriftRecorder } from "../../../lib/drift/record-drift";
import { logger } from "../../../lib/log/logger";
import { metrics } from "../../../lib/metrics/registry";
import { resetDatabase, testDb } from "../../helpers/db";

const finding = (path: string, overrides: Partial<DriftFinding> = {}): DriftFinding => ({
  path,
  kind: "type",
  expected: "number",
  received: "string",
  ...overrides,
});
const rows = () => testDb().klinkDrift.findMany({ orderBy: [{ endpoint: "asc" }, { path: "asc" }] });
const counted = async (endpoint: string, path: string) =>
  (await metrics().upstreamDrift.get()).values.find((v) => v.labels.endpoint === endpoint && v.labels.path === path)
    ?.value ?? 0;

beforeEach(async () => {
  await resetDatabase();
  resetDriftRecorder();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("recordDrift", () => {
  it("adds sightings up in memory and writes one row per connection, endpoint and path", async () => {
    for (let i = 0; i < 3; i++)
      recordDrift({
        connectionId: "c1",
        endpoint: "tickets.list",
        findings: [finding("total"), finding("data[].customFields", { expected: "array", received: "object" })],
        requestId: `req-${i}`,
      });
    recordDrift({ connectionId: "c2", endpoint: "tickets.list", findings: [finding("total")] });
    expect(await rows()).toEqual([]);
    await flushDrift();
    expect(
      (await rows()).map((r) => [r.connectionId, r.endpoint, r.path, r.kind, r.expected, r.received, Number(r.count)]),
    ).toEqual([
      ["c1", "tickets.list", "data[].customFields", "type", "array", "object", 3],
      ["c1", "tickets.list", "total", "type", "number", "string", 3],
      ["c2", "tickets.list", "total", "type", "number", "string", 1],
    ]);
    expect((await rows())[0].lastRequestId).toBe("req-2");
  });

  it("counts on from what is stored, keeping the first sighting and moving the last", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
    recordDrift({ connectionId: "c1", endpoint: "categories.list", findings: [finding("data[].value")] });
    await flushDrift();
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
    recordDrift({ connectionId: "c1", endpoint: "categories.list", findings: [finding("data[].value")] });
    recordDrift({ connectionId: "c1", endpoint: "categories.list", findings: [finding("data[].value")] });
    await flushDrift();
    const [row] = await rows();
    expect(Number(row.count)).toBe(3);
    expect(row.firstSeenAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(row.lastSeenAt.toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });

  it("logs a path the first time this process sees it, with where and which request, never the value", async () => {
    const warn = vi.spyOn(logger, "warn");
    const report = {
      connectionId: "c1",
      endpoint: "contacts.get",
      findings: [finding("data.notes", { received: "object" })],
      requestId: "req-abc12345",
    };
    recordDrift(report);
    recordDrift(report);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      {
        connectionId: "c1",
        endpoint: "contacts.get",
        path: "data.notes",
        kind: "type",
        expected: "number",
        received: "object",
        requestId: "req-abc12345",
      },
      expect.stringContaining("drift"),
    );
    await flushDrift();
  });

  it("counts klink_console_upstream_drift_total by endpoint and path, with a bounded number of series", async () => {
    const before = await counted("tags.list", "data[].name");
    recordDrift({ connectionId: "c1", endpoint: "tags.list", findings: [finding("data[].name")] });
    recordDrift({ connectionId: "c2", endpoint: "tags.list", findings: [finding("data[].name")] });
    expect(await counted("tags.list", "data[].name")).toBe(before + 2);
    const many = Array.from({ length: MAX_METRIC_PATHS + 5 }, (_, i) => finding(`field_${i}`, { kind: "unknown" }));
    recordDrift({ connectionId: "c1", endpoint: "channels.list", findings: many });
    const series = (await metrics().upstreamDrift.get()).values.filter((v) => v.labels.endpoint === "channels.list");
    expect(series.length).toBeLessThanOrEqual(MAX_METRIC_PATHS);
    expect(await counted("channels.list", "(other)")).toBeGreaterThan(0);
    await flushDrift();
  });

  it("keeps at most MAX_DRIFT_PATHS_PER_CONNECTION rows per connection, dropping the least recently seen", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
    const old = Array.from({ length: 5 }, (_, i) => finding(`old_${i}`, { kind: "unknown" }));
    recordDrift({ connectionId: "c1", endpoint: "contacts.list", findings: old });
    recordDrift({ connectionId: "c2", endpoint: "contacts.list", findings: old });
    await flushDrift();
    vi.setSystemTime(new Date("2026-12-01T11:00:00Z"));
    const fresh = Array.from({ length: MAX_DRIFT_PATHS_PER_CONNECTION }, (_, i) => finding(`new_${i}`));
    recordDrift({ connectionId: "c1", endpoint: "contacts.list", findings: fresh });
    await flushDrift();
    const kept = await testDb().klinkDrift.findMany({ where: { connectionId: "c1" }, select: { path: true } });
    expect(kept).toHaveLength(MAX_DRIFT_PATHS_PER_CONNECTION);
    expect(kept.some((r) => r.path.startsWith("old_"))).toBe(false);
    expect(await testDb().klinkDrift.count({ where: { connectionId: "c2" } })).toBe(5);
  });

  it("never fails the caller when the database cannot take the rows: the failure is logged", async () => {
    const warn = vi.spyOn(logger, "warn");
    const { db } = await import("../../../lib/db/client");
    vi.spyOn(db().klinkDrift, "upsert").mockRejectedValue(new Error("database is locked"));
    expect(() =>
      recordDrift({ connectionId: "c1", endpoint: "tags.list", findings: [finding("total")] }),
    ).not.toThrow();
    await expect(flushDrift()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        endpoint: "tags.list",
        path: "total",
        err: expect.objectContaining({ message: "database is locked" }),
      }),
      "drift could not be stored",
    );
  });
});

describe("listDrift", () => {
  const actor = (role: Actor["role"]): Actor => ({
    type: "user",
    userId: `u-${role}`,
    email: `${role}@x.test`,
    name: role,
    role,
  });

  it("shows admins every recorded path, most recently seen first, for one connection or all", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
    recordDrift({ connectionId: "c1", endpoint: "tickets.list", findings: [finding("total")] });
    await flushDrift();
    vi.setSystemTime(new Date("2026-12-01T11:00:00Z"));
    recordDrift({ connectionId: "c2", endpoint: "tags.list", findings: [finding("data[].name", { kind: "missing" })] });
    await flushDrift();
    expect((await listDrift(actor("admin"))).map((r) => [r.connectionId, r.path, r.count])).toEqual([
      ["c2", "data[].name", 1],
      ["c1", "total", 1],
    ]);
    expect((await listDrift(actor("admin"), { connectionId: "c1" })).map((r) => r.path)).toEqual(["total"]);
  });

  it("refuses agents and viewers in the data layer", async () => {
    await expect(listDrift(actor("agent"))).rejects.toMatchObject({ status: 403 });
    await expect(listDrift(actor("viewer"))).rejects.toMatchObject({ status: 403 });
  });
});
