import { describe, expect, it } from "vitest";
import { KlinkHttpError, KlinkNetworkError, KlinkTimeoutError } from "../../../lib/klink/errors";
import { backoffDelayMs, DEFAULT_RETRY_SETTINGS, withRetries } from "../../../lib/resilience/retry";

/** An attempt that fails with the given errors in turn, then answers "ok". */
function flaky(...failures: Error[]) {
  const state = {
    attempts: 0,
    attempt: async () => {
      const failure = failures[state.attempts++];
      if (failure) throw failure;
      return "ok";
    },
  };
  return state;
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const http = (status: number, retryAfterSeconds?: number) =>
  new KlinkHttpError("tickets.list", status, { status: "error" }, undefined, retryAfterSeconds);

describe("retries of a K-LINK call", () => {
  it("retries an idempotent GET on network errors and 502/503/504, with growing jittered waits", async () => {
    const k = flaky(new KlinkNetworkError("tickets.list", "ECONNRESET"), http(503));
    const { waits, sleep } = recordingSleep();
    expect(await withRetries(k.attempt, { idempotent: true, sleep })).toBe("ok");
    expect(k.attempts).toBe(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it("gives up after two retries and throws the last failure", async () => {
    const k = flaky(http(502), http(504), http(503), http(503));
    await expect(withRetries(k.attempt, { idempotent: true, sleep: async () => {} })).rejects.toMatchObject({
      status: 503,
    });
    expect(k.attempts).toBe(3);
  });

  it("never retries a write on a transient fault", async () => {
    const k = flaky(http(503));
    await expect(withRetries(k.attempt, { idempotent: false, sleep: async () => {} })).rejects.toMatchObject({
      status: 503,
    });
    expect(k.attempts).toBe(1);
  });

  it("never retries K-LINK's own 4xx, a timeout or a 500", async () => {
    for (const failure of [
      http(400),
      http(401),
      http(404),
      http(422),
      new KlinkTimeoutError("tickets.list", 1000),
      http(500),
    ]) {
      const k = flaky(failure);
      await expect(withRetries(k.attempt, { idempotent: true, sleep: async () => {} })).rejects.toBe(failure);
      expect(k.attempts).toBe(1);
    }
  });

  it("waits out a short 429 Retry-After and retries once, also for writes", async () => {
    const k = flaky(http(429, 1));
    const { waits, sleep } = recordingSleep();
    expect(await withRetries(k.attempt, { idempotent: false, sleep })).toBe("ok");
    expect(waits).toEqual([1000]);
  });

  it("passes a second 429 on to the caller with its Retry-After", async () => {
    const k = flaky(http(429, 1), http(429, 1));
    await expect(withRetries(k.attempt, { idempotent: true, sleep: async () => {} })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 1,
    });
    expect(k.attempts).toBe(2);
  });

  it("passes a 429 with a long Retry-After on at once, without waiting", async () => {
    const k = flaky(http(429, 30));
    const { waits, sleep } = recordingSleep();
    await expect(withRetries(k.attempt, { idempotent: true, sleep })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
    });
    expect(waits).toEqual([]);
    expect(k.attempts).toBe(1);
  });

  it("passes a 429 without Retry-After on at once", async () => {
    const k = flaky(http(429));
    await expect(withRetries(k.attempt, { idempotent: true, sleep: async () => {} })).rejects.toMatchObject({
      status: 429,
    });
    expect(k.attempts).toBe(1);
  });

  it("honours a 503's Retry-After when it is short, and gives up at once when it is long", async () => {
    const short = flaky(http(503, 2));
    const { waits, sleep } = recordingSleep();
    expect(await withRetries(short.attempt, { idempotent: true, sleep })).toBe("ok");
    expect(waits).toEqual([2000]);
    const long = flaky(http(503, 120));
    await expect(withRetries(long.attempt, { idempotent: true, sleep })).rejects.toMatchObject({ status: 503 });
    expect(long.attempts).toBe(1);
  });

  it("uses the configured longest Retry-After", async () => {
    const k = flaky(http(429, 1));
    const settings = { ...DEFAULT_RETRY_SETTINGS, maxRetryAfterMs: 500 };
    await expect(withRetries(k.attempt, { idempotent: true, settings, sleep: async () => {} })).rejects.toMatchObject({
      status: 429,
    });
  });

  it("keeps every backoff delay between half and all of the capped exponential delay", () => {
    const settings = DEFAULT_RETRY_SETTINGS;
    for (const retry of [0, 1, 2, 3, 8]) {
      const cap = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
      expect(backoffDelayMs(retry, settings, () => 0)).toBe(cap / 2);
      expect(backoffDelayMs(retry, settings, () => 0.999999)).toBe(cap);
    }
  });
});
