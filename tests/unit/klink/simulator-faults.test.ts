// Fault injection: deterministic rates, typed errors in the client, and a request log that shows
// exactly what reached the simulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KlinkHttpError, KlinkTimeoutError } from "../../../lib/klink/errors";
import type { Fault, RequestLogEntry } from "../../../lib/klink/simulator";
import { startHarness, TOKEN, type Harness } from "../../helpers/simulator-harness";

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

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const log = async (endpoint?: string) =>
  (await h.control<{ data: RequestLogEntry[] }>("GET", `requests${endpoint ? `?endpoint=${endpoint}` : ""}`)).data;

describe("simulator faults", () => {
  it("fails exactly 30% of ticket listings with 503, seen by the client as typed errors and in the request log", async () => {
    const fault = await h.control<Fault>("POST", "faults", {
      pathPattern: "/api/v1/tickets",
      method: "GET",
      status: 503,
      rate: 0.3,
    });
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push(await settle(h.client.tickets.list({ query: { page: i + 1 } })));
    await h.client.tickets.fields();

    const failed = outcomes.flatMap((o, i) => (o.ok ? [] : [i + 1]));
    expect(failed).toEqual([4, 7, 10]);
    for (const o of outcomes) if (!o.ok) expect(o.error).toBeInstanceOf(KlinkHttpError);
    expect(outcomes.filter((o) => !o.ok).map((o) => (o as { error: KlinkHttpError }).error.status)).toEqual([
      503, 503, 503,
    ]);

    const entries = await log("tickets.list");
    expect(entries.map((e) => [e.query.page, e.status, e.faultId ?? null])).toEqual(
      Array.from({ length: 10 }, (_, i) => [
        String(i + 1),
        [4, 7, 10].includes(i + 1) ? 503 : 200,
        [4, 7, 10].includes(i + 1) ? fault.id : null,
      ]),
    );
    expect(await h.control("GET", "counters")).toEqual({ "tickets.list": 10, "tickets.fields": 1 });
    const [listed] = (await h.control<{ data: Fault[] }>("GET", "faults")).data;
    expect(listed).toMatchObject({ id: fault.id, matched: 10, hits: 3 });
  });

  it("matches * within one segment and ** across segments, and honours the method", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/contacts/*", method: "GET", status: 502 });
    await h.control("POST", "faults", { pathPattern: "/api/v1/tickets/**", status: 500 });
    const contact = (await h.client.contacts.list({ query: { pageSize: 1 } })).data.data[0];
    expect(await settle(h.client.contacts.get({ params: { id: contact.id } }))).toMatchObject({
      ok: false,
      error: { status: 502 },
    });
    expect(await settle(h.client.contacts.update({ params: { id: contact.id }, body: { notes: "n" } }))).toMatchObject({
      ok: true,
    });
    expect(
      await settle(
        h.client.contacts.updateTags({ params: { id: contact.id }, body: { actionType: "MERGE", tags: ["vip"] } }),
      ),
    ).toMatchObject({ ok: true });
    expect(await settle(h.client.tickets.byContact({ params: { contactId: contact.id } }))).toMatchObject({
      ok: false,
      error: { status: 500 },
    });
    expect(await settle(h.client.tickets.list())).toMatchObject({ ok: true });
  });

  it("adds latency (here beyond the client's timeout) and stops after count hits", async () => {
    // The second call may take its time (the machine may be busy), but less than the latency
    // the fault would add: it succeeds only because the fault is used up.
    await h.control("POST", "faults", { pathPattern: "/api/v1/categories", latencyMs: 2500, count: 1 });
    expect((await settle(h.client.categories.list(undefined, { timeoutMs: 100 }))).ok).toBe(false);
    expect(await settle(h.client.categories.list(undefined, { timeoutMs: 2000 }))).toMatchObject({ ok: true });
    await h.control("POST", "faults", { pathPattern: "/api/v1/categories", latencyMs: 2500 });
    const slow = await settle(h.client.categories.list(undefined, { timeoutMs: 100 }));
    expect(slow.ok ? undefined : slow.error).toBeInstanceOf(KlinkTimeoutError);
  });

  it("removes one fault by id, or all of them; reset clears them too", async () => {
    const a = await h.control<Fault>("POST", "faults", { pathPattern: "/api/v1/tags", status: 503 });
    await h.control("POST", "faults", { pathPattern: "/api/v1/channels", status: 503 });
    await h.control("DELETE", `faults/${a.id}`);
    expect(await settle(h.client.tags.list())).toMatchObject({ ok: true });
    expect(await settle(h.client.channels.list())).toMatchObject({ ok: false });
    await h.control("DELETE", "faults");
    expect(await settle(h.client.channels.list())).toMatchObject({ ok: true });
    await h.control("POST", "faults", { pathPattern: "/api/v1/channels", status: 503 });
    await h.control("POST", "reset");
    expect(await settle(h.client.channels.list())).toMatchObject({ ok: true });
  });

  it("applies faults before the token check, like a gateway in front of K-LINK", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/tags", status: 503 });
    const res = await fetch(`${h.sim.url}/api/v1/tags`);
    expect(res.status).toBe(503);
    const ok = await fetch(`${h.sim.url}/api/v1/channels`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  it("refuses a malformed fault with 400 naming the field", async () => {
    const res = await fetch(`${h.sim.url}/__sim/faults`, {
      method: "POST",
      body: JSON.stringify({ pathPattern: "api", rate: 2 }),
    });
    expect(res.status).toBe(400);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain("pathPattern: must start with /");
    expect(message).toContain("rate:");
  });
});
