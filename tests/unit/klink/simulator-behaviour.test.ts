// The simulator's own behaviour: pagination maths, filters, keyword search, seeded data, CX log
// ranges, validation, the bearer check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../lib/klink/simulator";
import { startHarness, REFERENCE_TIME, TOKEN, type Harness } from "../../helpers/simulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.control("POST", "reset");
});
afterAll(async () => {
  await h?.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.sim.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { data: Record<string, unknown>[] },
  };
}

describe("pagination", () => {
  it("defaults to page 1 of 10 and computes lastPage as ceil(total / pageSize)", async () => {
    const { body } = await get("/api/v1/contacts");
    expect(body).toMatchObject({ total: 500, page: 1, pageSize: 10, lastPage: 50 });
    expect(body.data).toHaveLength(10);
    const odd = await get("/api/v1/contacts?pageSize=7&page=72");
    expect(odd.body).toMatchObject({ total: 500, page: 72, pageSize: 7, lastPage: 72 });
    expect(odd.body.data).toHaveLength(3);
  });

  it("answers an empty page beyond the last one, and lastPage 1 for an empty result", async () => {
    expect((await get("/api/v1/contacts?page=51")).body).toMatchObject({
      total: 500,
      page: 51,
      lastPage: 50,
      data: [],
    });
    expect((await get("/api/v1/contacts?keyword=zzzz-nobody")).body).toMatchObject({
      total: 0,
      page: 1,
      lastPage: 1,
      data: [],
    });
  });

  it("clamps pageSize above 100 to 100 and refuses page or pageSize below 1", async () => {
    expect((await get("/api/v1/tickets?pageSize=500")).body).toMatchObject({ pageSize: 100, lastPage: 20 });
    const zero = await get("/api/v1/tickets?pageSize=0");
    expect(zero).toEqual({
      status: 400,
      body: { status: "error", message: "pageSize must be a whole number of 1 or more", data: null },
    });
    expect((await get("/api/v1/tickets?page=abc")).status).toBe(400);
  });

  it("pages through every ticket exactly once", async () => {
    const ids = new Set<string>();
    for (let page = 1; page <= 20; page++)
      for (const t of (await get(`/api/v1/tickets?pageSize=100&page=${page}`)).body.data) ids.add(t.id as string);
    expect(ids.size).toBe(2000);
  });
});

describe("filters and search", () => {
  it("filters tickets by status, priority and channel, each result matching all three", async () => {
    const { body } = await get("/api/v1/tickets?status=open&priority=high&channel=email&pageSize=100");
    expect(body.total as number).toBeGreaterThan(0);
    expect(body.data.every((t) => t.status === "open" && t.priority === "high" && t.channel === "email")).toBe(true);
    const all = await h.client.tickets.list({ query: { status: "open", pageSize: 100 } });
    expect(all.data.total).toBeGreaterThan(body.total as number);
  });

  it("matches a multi-word status exactly and ignores case", async () => {
    const { body } = await get("/api/v1/tickets?status=In%20Progress&pageSize=100");
    expect(body.total as number).toBeGreaterThan(0);
    expect(body.data.every((t) => t.status === "in progress")).toBe(true);
  });

  it("searches tickets by keyword in title, description or number, in any script", async () => {
    const thai = await get(
      "/api/v1/tickets?keyword=%E0%B9%80%E0%B8%82%E0%B9%89%E0%B8%B2%E0%B8%AA%E0%B8%B9%E0%B9%88%E0%B8%A3%E0%B8%B0%E0%B8%9A%E0%B8%9A",
    ); // เข้าสู่ระบบ
    expect(thai.body.total as number).toBeGreaterThan(0);
    expect(thai.body.data.every((t) => `${t.title} ${t.description}`.includes("เข้าสู่ระบบ"))).toBe(true);
    const byNumber = await get("/api/v1/tickets?keyword=38123");
    expect(byNumber.body.data.map((t) => t.ticketNumber)).toEqual([38123]);
  });

  it("finds contacts by partial, case-insensitive name, e-mail or phone, Burmese names included", async () => {
    const kyaw = await get("/api/v1/contacts?keyword=KYA&pageSize=100");
    expect(kyaw.body.total as number).toBeGreaterThan(0);
    expect(kyaw.body.data.every((c) => JSON.stringify([c.name, c.contactEmails]).toLowerCase().includes("kya"))).toBe(
      true,
    );
    const burmese = await get(`/api/v1/contacts?keyword=${encodeURIComponent("ကျော်")}&pageSize=100`);
    expect(burmese.body.total as number).toBeGreaterThan(0);
    expect(burmese.body.data.every((c) => (c.name as string).includes("ကျော်"))).toBe(true);
    const one = (await get("/api/v1/contacts?pageSize=1")).body.data[0] as { contactNumber: string };
    const byPhone = await get(`/api/v1/contacts?keyword=${one.contactNumber.slice(-7)}`);
    expect(byPhone.body.data.some((c) => c.contactNumber === one.contactNumber)).toBe(true);
  });
});

describe("seeded data", () => {
  it("is the same for the same seed and different for another seed", async () => {
    const again = await startSimulator({ tokens: [TOKEN], referenceTime: REFERENCE_TIME });
    const other = await startSimulator({ tokens: [TOKEN], referenceTime: REFERENCE_TIME, seed: 2 });
    try {
      const first = async (url: string) =>
        (await (
          await fetch(`${url}/api/v1/tickets?pageSize=5`, { headers: { authorization: `Bearer ${TOKEN}` } })
        ).json()) as unknown;
      expect(await first(again.url)).toEqual(await first(h.sim.url));
      expect(await first(other.url)).not.toEqual(await first(h.sim.url));
    } finally {
      await Promise.all([again.stop(), other.stop()]);
    }
  });

  it("has the documented volumes and multilingual names", async () => {
    const info = await h.control<{ counts: Record<string, number> }>("GET", "info");
    expect(info.counts).toMatchObject({ contacts: 500, tickets: 2000 });
    // A few thousand CX logs a month over the 120 days (lib/klink/simulator/cx-log-seed.ts).
    expect(info.counts.cxLogs / 4).toBeGreaterThan(2_000);
    expect(info.counts.cxLogs / 4).toBeLessThan(5_000);
    const names = (await get("/api/v1/contacts?pageSize=100")).body.data.map((c) => c.name as string).join(" ");
    expect(names).toMatch(/[\u0E00-\u0E7F]/); // Thai
    expect(names).toMatch(/[\u1000-\u109F]/); // Burmese
  });

  it("reset brings mutated data back to the seed", async () => {
    const before = (await get("/api/v1/tickets?pageSize=1")).body.data[0];
    await h.client.tickets.updateStatus({ params: { id: before.id as string }, body: { status: "pending" } });
    await h.control("POST", "reset");
    expect((await get("/api/v1/tickets?pageSize=1")).body.data[0]).toEqual(before);
  });
});

describe("CX logs", () => {
  it("answers 400 without x-client-timezone or selectedDate, or with an unknown zone", async () => {
    const range = "selectedDate=2026/01/01%2000:00:00-2026/01/02%2000:00:00";
    expect(await get(`/api/v1/cx-logs?${range}`)).toEqual({
      status: 400,
      body: { status: "error", message: "x-client-timezone header is required", data: null },
    });
    expect((await get("/api/v1/cx-logs", { "x-client-timezone": "Asia/Bangkok" })).status).toBe(400);
    expect((await get(`/api/v1/cx-logs?${range}`, { "x-client-timezone": "Mars/Olympus" })).status).toBe(400);
  });

  it("reads the range in the caller's time zone", async () => {
    const range = encodeURIComponent("2026/01/10 00:00:00-2026/01/10 23:59:59");
    const bangkok = await get(`/api/v1/cx-logs?selectedDate=${range}&pageSize=100`, {
      "x-client-timezone": "Asia/Bangkok",
    });
    const utc = await get(`/api/v1/cx-logs?selectedDate=${range}&pageSize=100`, { "x-client-timezone": "UTC" });
    const started = (body: Record<string, unknown>) =>
      (body.cxLogs as { data: { startedDate: string }[] }).data.map((l) =>
        Date.parse(l.startedDate.replace(" ", "T").replace("+00", "Z")),
      );
    // Bangkok's 10 January is 9 Jan 17:00 – 10 Jan 17:00 UTC.
    for (const t of started(bangkok.body))
      expect(t >= Date.UTC(2026, 0, 9, 17) && t < Date.UTC(2026, 0, 10, 17)).toBe(true);
    for (const t of started(utc.body)) expect(t >= Date.UTC(2026, 0, 10) && t < Date.UTC(2026, 0, 11)).toBe(true);
    expect(started(bangkok.body)).not.toEqual(started(utc.body));
  });
});

describe("the bearer check and routing", () => {
  it("accepts only the tokens it was started with", async () => {
    const call = (authorization?: string) =>
      fetch(`${h.sim.url}/api/v1/tags`, { headers: authorization ? { authorization } : {} }).then((r) => r.status);
    expect(await call(`Bearer ${TOKEN}`)).toBe(200);
    expect(await call()).toBe(401);
    expect(await call("Bearer kpt_other")).toBe(401);
    expect(await call(`Basic ${TOKEN}`)).toBe(401);
  });

  it("answers 404 for unknown routes, 405 for a known path with another method, 400 for bad JSON", async () => {
    expect((await get("/api/v1/nothing")).status).toBe(404);
    const del = await fetch(`${h.sim.url}/api/v1/tags`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(del.status).toBe(405);
    const bad = await fetch(`${h.sim.url}/api/v1/tickets`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ status: "error", message: "Request body is not valid JSON", data: null });
  });

  it("refuses a ticket for an unknown contact and a custom field the tenant does not have", async () => {
    const res = await fetch(`${h.sim.url}/api/v1/tickets`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "t", contact_id: "nobody", customFields: { cf_unknown: "x" } }),
    });
    expect(res.status).toBe(400);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain("contact_id: no contact with this id");
    expect(message).toContain("customFields.cf_unknown: is not a custom field of this tenant");
  });
});
