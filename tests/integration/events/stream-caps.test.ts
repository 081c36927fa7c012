// Live-event streams are capped per user and per process (LIVE_STREAMS_PER_USER,
// LIVE_STREAMS_PER_PROCESS): 429 with Retry-After beyond; a closed stream frees its slot. Each
// event is serialised once, however many streams forward it.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/api/events/route";
import { resetEnvCache } from "../../../lib/env";
import { getEventBus } from "../../../lib/events/get-event-bus";
import { openStreamCount } from "../../../lib/events/stream-slots";
import { resetDatabase } from "../../helpers/db";
import { jsonRequest, signedInAs } from "../../helpers/auth";

beforeAll(resetDatabase);
afterEach(() => {
  delete process.env.LIVE_STREAMS_PER_USER;
  delete process.env.LIVE_STREAMS_PER_PROCESS;
  resetEnvCache();
});

const open = (headers: Record<string, string>, signal: AbortSignal) =>
  GET(new Request(jsonRequest("/api/events", { headers }), { signal }));

describe("live-event stream caps", () => {
  it("refuses a user's stream past LIVE_STREAMS_PER_USER with 429, and frees the slot when one closes", async () => {
    process.env.LIVE_STREAMS_PER_USER = "2";
    resetEnvCache();
    const { user, headers } = await signedInAs("viewer");
    const tabs = [new AbortController(), new AbortController()];
    expect((await open(headers, tabs[0].signal)).status).toBe(200);
    expect((await open(headers, tabs[1].signal)).status).toBe(200);
    expect(openStreamCount(user.id)).toBe(2);
    const third = await open(headers, new AbortController().signal);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: "rate_limited" });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user is not affected.
    const other = await signedInAs("viewer");
    const otherTab = new AbortController();
    expect((await open(other.headers, otherTab.signal)).status).toBe(200);
    tabs[0].abort();
    expect(openStreamCount(user.id)).toBe(1);
    const again = new AbortController();
    expect((await open(headers, again.signal)).status).toBe(200);
    for (const c of [tabs[1], otherTab, again]) c.abort();
    expect(openStreamCount(user.id)).toBe(0);
  });

  it("refuses any stream past LIVE_STREAMS_PER_PROCESS", async () => {
    process.env.LIVE_STREAMS_PER_PROCESS = String(openStreamCount() + 1);
    resetEnvCache();
    const a = await signedInAs("viewer");
    const b = await signedInAs("agent");
    const tab = new AbortController();
    expect((await open(a.headers, tab.signal)).status).toBe(200);
    expect((await open(b.headers, new AbortController().signal)).status).toBe(429);
    tab.abort();
  });

  it("serialises each event once for every stream that forwards it", async () => {
    const { headers } = await signedInAs("viewer");
    // Five streams: serialised per stream, that would be five calls.
    const tabs = Array.from({ length: 5 }, () => new AbortController());
    const readers = await Promise.all(tabs.map(async (t) => (await open(headers, t.signal)).body!.getReader()));
    for (const r of readers) await r.read(); // the "connected" preamble
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      await getEventBus().publish({
        type: "ticket.updated",
        connectionId: "c-1",
        id: "t-9",
        at: new Date().toISOString(),
      } as never);
      const frames = await Promise.all(readers.map((r) => r.read()));
      const texts = frames.map((f) => new TextDecoder().decode(f.value));
      expect(texts[0]).toContain('"t-9"');
      for (const text of texts) expect(text).toBe(texts[0]);
      // One serialisation of the event for all five streams (the bus itself may serialise once more).
      expect(calls).toBeLessThanOrEqual(2);
    } finally {
      JSON.stringify = stringify;
      for (const t of tabs) t.abort();
    }
  });
});
