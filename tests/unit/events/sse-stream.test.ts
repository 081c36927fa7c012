import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../../../lib/events/live-event";
import { createMemoryEventBus } from "../../../lib/events/memory-event-bus";
import { RecentEvents } from "../../../lib/events/recent-events";
import { createEventStream, RESUME_MARGIN_MS } from "../../../lib/events/sse-stream";

const event = (type: string, connectionId = "conn-1"): LiveEvent => ({
  type,
  id: "t-1",
  connectionId,
  at: "2026-11-25T00:00:00.000Z",
});

/** A bus that counts its subscribers, to see streams let go of them. */
function countingBus() {
  const bus = createMemoryEventBus();
  let subscribers = 0;
  return {
    bus,
    recent: (sinceMs: number) => bus.recent(sinceMs),
    get subscribers() {
      return subscribers;
    },
    subscribe(listener: (e: LiveEvent) => void) {
      subscribers++;
      const off = bus.subscribe(listener);
      return () => {
        subscribers--;
        off();
      };
    },
  };
}

/** Reads the stream until `predicate` holds for the text so far. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  predicate: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!predicate(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("Server-Sent Events stream", () => {
  it("opens with a retry hint, then sends each published event as one message with its time as id", async () => {
    const counting = countingBus();
    const abort = new AbortController();
    const reader = createEventStream(counting, { signal: abort.signal }).getReader();
    expect(await readUntil(reader, (t) => t.includes(": connected"))).toContain("retry: 3000\n");
    await counting.bus.publish(event("ticket.updated"));
    const text = await readUntil(reader, (t) => t.includes("\n\n"));
    expect(text).toBe(
      `id: ${Date.parse("2026-11-25T00:00:00.000Z")}\ndata: ${JSON.stringify(event("ticket.updated"))}\n\n`,
    );
    abort.abort();
  });

  it("resumes: replays first what the bus heard since the given moment (with a margin for clocks), of its connection", async () => {
    const bus = createMemoryEventBus();
    const at = (ms: number) => new Date(ms).toISOString();
    const base = Date.now();
    const missed = { type: "ticket.updated", id: "t-missed", connectionId: "conn-1", at: at(base - 1_000) };
    await bus.publish({
      type: "ticket.updated",
      id: "t-seen",
      connectionId: "conn-1",
      at: at(base - RESUME_MARGIN_MS - 5_000),
    });
    await bus.publish(missed);
    await bus.publish({ type: "ticket.updated", id: "t-other-connection", connectionId: "conn-2", at: at(base) });
    const abort = new AbortController();
    const reader = createEventStream(bus, {
      signal: abort.signal,
      connectionId: "conn-1",
      resumeFrom: base,
    }).getReader();
    const text = await readUntil(reader, (t) => t.includes("t-missed"));
    expect(text).toContain(`id: ${base - 1_000}\ndata: ${JSON.stringify(missed)}\n\n`);
    expect(text).not.toContain("t-seen");
    expect(text).not.toContain("t-other-connection");
    // Without a moment to resume from, nothing is replayed.
    const fresh = createEventStream(bus, { signal: abort.signal }).getReader();
    await bus.publish({ type: "contact.updated", id: "c-live", connectionId: "conn-1", at: at(Date.now()) });
    const live = await readUntil(fresh, (t) => t.includes("c-live"));
    expect(live).not.toContain("t-missed");
    abort.abort();
  });

  it("sends heartbeat comments while nothing happens", async () => {
    const abort = new AbortController();
    const reader = createEventStream(countingBus(), { signal: abort.signal, heartbeatMs: 10 }).getReader();
    expect(await readUntil(reader, (t) => t.includes(": heartbeat"))).toMatch(/: heartbeat \d{4}-/);
    abort.abort();
  });

  it("passes only the events of the requested connection", async () => {
    const counting = countingBus();
    const abort = new AbortController();
    const reader = createEventStream(counting, { signal: abort.signal, connectionId: "conn-2" }).getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    await counting.bus.publish(event("ticket.updated", "conn-1"));
    await counting.bus.publish(event("contact.created", "conn-2"));
    const text = await readUntil(reader, (t) => t.includes("\n\n"));
    expect(text).toContain('"contact.created"');
    expect(text).not.toContain("ticket.updated");
    abort.abort();
  });

  it("ends cleanly and unsubscribes when the client goes away", async () => {
    const counting = countingBus();
    const abort = new AbortController();
    const reader = createEventStream(counting, { signal: abort.signal }).getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    expect(counting.subscribers).toBe(1);
    abort.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(counting.subscribers).toBe(0);
  });

  it("ends by itself after its maximum age, so the browser reconnects through authentication", async () => {
    const counting = countingBus();
    const reader = createEventStream(counting, { signal: new AbortController().signal, maxAgeMs: 20 }).getReader();
    await readUntil(reader, () => false);
    expect(counting.subscribers).toBe(0);
  });

  it("unsubscribes when the reader cancels the stream", async () => {
    const counting = countingBus();
    const reader = createEventStream(counting, { signal: new AbortController().signal }).getReader();
    await reader.cancel();
    expect(counting.subscribers).toBe(0);
  });
});

describe("the recent events a stream can resume from", () => {
  const at = (ms: number) => ({ type: "ticket.updated", connectionId: "c", at: new Date(ms).toISOString() });

  it("keeps at most maxEvents, newest, and forgets what is older than maxAgeMs", () => {
    let now = 1_000_000;
    const recent = new RecentEvents({ maxEvents: 3, maxAgeMs: 60_000, now: () => now });
    for (let i = 0; i < 5; i++) recent.add(at(now - 10_000 + i));
    expect(recent.since(0).map((e) => e.at)).toEqual([2, 3, 4].map((i) => new Date(now - 10_000 + i).toISOString()));
    expect(recent.since(now - 10_000 + 4)).toHaveLength(1);
    now += 61_000;
    expect(recent.since(0)).toEqual([]);
  });

  it("never dates an event after now: a clock running ahead cannot move a browser's resume point past events", async () => {
    const now = 1_000_000;
    const recent = new RecentEvents({ now: () => now });
    recent.add(at(now + 3_600_000));
    expect(recent.since(now)).toHaveLength(1);
    expect(recent.since(now + 1)).toHaveLength(0);
    const bus = createMemoryEventBus();
    const abort = new AbortController();
    const reader = createEventStream(bus, { signal: abort.signal }).getReader();
    const before = Date.now();
    await bus.publish({ type: "ticket.updated", connectionId: "c", at: new Date(before + 3_600_000).toISOString() });
    const id = Number(/id: (\d+)/.exec(await readUntil(reader, (t) => t.includes("data:")))![1]);
    expect(id).toBeGreaterThanOrEqual(before);
    expect(id).toBeLessThanOrEqual(Date.now());
    abort.abort();
  });
});
