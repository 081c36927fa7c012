import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryAfterMs, retryDelayMs } from "../../../lib/forwarding/retry-schedule";
import { matchesConnections, matchesEventTypes } from "../../../lib/forwarding/event-filter";

describe("retry schedule", () => {
  it("reads like Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then none", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, middle))).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(retryDelayMs(MAX_ATTEMPTS, middle)).toBeNull();
  });

  it("spreads each wait by ±20 %", () => {
    expect(retryDelayMs(2, () => 0)).toBe(240_000);
    expect(retryDelayMs(2, () => 1)).toBe(360_000);
  });

  it("reads Retry-After as seconds or an HTTP date, bounded to a day", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Thu, 03 Dec 2026 12:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs("999999", now)).toBe(86_400_000);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe("event and connection filters", () => {
  it("matches exact types, prefixes with a wildcard, and everything when empty", () => {
    expect(matchesEventTypes(null, "ticket.update")).toBe(true);
    expect(matchesEventTypes([], "ticket.update")).toBe(true);
    expect(matchesEventTypes(["ticket.*"], "ticket.update")).toBe(true);
    expect(matchesEventTypes(["ticket.*"], "tickets.update")).toBe(false);
    expect(matchesEventTypes(["contact.create"], "contact.update")).toBe(false);
    expect(matchesEventTypes(["*"], "message.inbound")).toBe(true);
    expect(matchesConnections(["c1"], "c2")).toBe(false);
    expect(matchesConnections(null, "c2")).toBe(true);
  });
});
