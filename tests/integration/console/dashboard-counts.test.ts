// The dashboard's ticket counts read from the simulator over a real socket through readKlink
// (the proxy's data layer: role check, cache, resilience), and the cache and health figures
// the dashboard shows next to them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import { insertConnection } from "../../../lib/connections/create-connection";
import type { ConsolePage } from "../../../lib/doors/console-page";
import { fieldOptions, ticketCounts } from "../../../lib/console/dashboard-counts";
import { cacheUse, upstreamStatus } from "../../../lib/console/dashboard-upstream";
import { startSimulator, type RunningSimulator } from "../../../lib/klink/simulator";
import { createTestUser } from "../../helpers/auth";
import { resetDatabase } from "../../helpers/db";

const TOKEN = "kpt_dashboardcounts0123456789";
let sim: RunningSimulator;
let actor: Actor;

type Listing = { total: number };
type Fields = { data: { system_name: string; options: { value: string; label: string }[] }[] };

const klink = async <T>(path: string): Promise<T> =>
  (await (await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as T;
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const total = async (query: string) => (await klink<Listing>(`/api/v1/tickets?${query}&pageSize=1`)).total;

async function pageFor(connectionName: string): Promise<ConsolePage> {
  const { id } = await insertConnection({ name: connectionName, baseUrl: sim.url, token: TOKEN }, async () => "");
  return {
    actor,
    connection: {
      choices: [{ id, name: connectionName, isDefault: false }],
      active: { id, name: connectionName, isDefault: false },
    },
    connectionId: id,
    requestId: randomUUID(),
    can: { write: false, admin: false },
  };
}

beforeAll(async () => {
  await resetDatabase();
  sim = await startSimulator({ tokens: [TOKEN] });
  const user = await createTestUser("viewer");
  actor = { type: "user", userId: user.id, email: user.email, name: user.name, role: "viewer" };
});
afterAll(async () => {
  await sim?.stop();
});

describe("ticket counts for the dashboard", () => {
  it("counts tickets per option of the tenant's status, priority and channel fields, with the total", async () => {
    const counts = await ticketCounts(await pageFor("counts"));
    const fields = await klink<Fields>("/api/v1/tickets/fields?pageSize=100");
    expect(counts.total).toEqual({ ok: true, count: await total("") });
    for (const breakdown of counts.breakdowns) {
      if (!breakdown.ok) throw new Error(`${breakdown.dimension} failed: ${breakdown.failure.message}`);
      const options = fields.data.find((f) => f.system_name === breakdown.dimension)!.options;
      expect(new Set(breakdown.rows.map((r) => r.value))).toEqual(new Set(options.map((o) => o.value)));
      for (const row of breakdown.rows) {
        expect(row.count).toBe(await total(`${breakdown.dimension}=${encodeURIComponent(row.value)}`));
        expect(row.label).toBe(options.find((o) => o.value === row.value)!.label);
      }
      const counted = breakdown.rows.reduce((sum, r) => sum + r.count, 0);
      expect(breakdown.other).toBe(Math.max(0, (await total("")) - counted));
    }
    const [status, , channel] = counts.breakdowns;
    // Status keeps the tenant's order (a workflow); channels come by volume.
    if (status.ok)
      expect(status.rows.map((r) => r.value)).toEqual(
        fields.data.find((f) => f.system_name === "status")!.options.map((o) => o.value),
      );
    if (channel.ok)
      expect(channel.rows.map((r) => r.count)).toEqual([...channel.rows.map((r) => r.count)].sort((a, b) => b - a));
  });

  it("answers a second load from the cache without asking K-LINK, and the cache figures count it", async () => {
    const page = await pageFor("cached");
    await ticketCounts(page);
    const before = (await (await control("GET", "counters")).json()) as Record<string, number>;
    const cacheBefore = await cacheUse();
    const again = await ticketCounts(page);
    expect(again.reads.every((read) => read.ok && read.freshness.cacheState === "HIT")).toBe(true);
    expect((await (await control("GET", "counters")).json()) as Record<string, number>).toEqual(before);
    const cacheAfter = await cacheUse();
    expect(cacheAfter.reads.hit - cacheBefore.reads.hit).toBe(again.reads.length);
    expect(cacheAfter.hitRate).toBeGreaterThan(0);
    expect(upstreamStatus(page.connectionId!)).toMatchObject({ state: "healthy", circuit: "closed" });
  });

  it("reports each card's failure, and K-LINK as failing, when K-LINK cannot answer", async () => {
    const page = await pageFor("down");
    await control("POST", "faults", { pathPattern: "/api/v1/tickets/fields", status: 503 });
    try {
      const counts = await ticketCounts(page);
      expect(counts.total.ok).toBe(true);
      for (const breakdown of counts.breakdowns) {
        expect(breakdown.ok).toBe(false);
        // K-LINK's 503 is the console's 502 (a bad gateway), with a message safe to show.
        if (!breakdown.ok) expect(breakdown.failure).toMatchObject({ status: 502, requestId: page.requestId });
      }
      expect(upstreamStatus(page.connectionId!).state).toBe("failing");
    } finally {
      await control("DELETE", "faults");
    }
  });
});

describe("the options of a form field", () => {
  const field = (options: { value: string; label?: string | null }[], extra = {}) => ({
    id: "f",
    system_name: "status",
    type: "select",
    options,
    ...extra,
  });
  it("takes the labels K-LINK gives (the value when it gives none), once per value whatever its case", () => {
    expect(
      fieldOptions(
        [
          field([
            { value: "open", label: "Open" },
            { value: "OPEN", label: "Again" },
            { value: "on hold", label: null },
          ]),
        ],
        "status",
      ),
    ).toEqual([
      { value: "open", label: "Open" },
      { value: "on hold", label: "on hold" },
    ]);
  });
  it("ignores an archived field", () => {
    expect(fieldOptions([field([{ value: "open" }], { is_archived: true })], "status")).toEqual([]);
  });
});
