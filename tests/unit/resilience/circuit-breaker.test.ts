import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KlinkHttpError, KlinkNetworkError, KlinkTimeoutError } from "../../../lib/klink/errors";
import { circuitState, forgetCircuit, throughCircuit } from "../../../lib/resilience/circuit-breakers";
import { CircuitOpenError } from "../../../lib/resilience/circuit-open-error";
import { metrics } from "../../../lib/metrics/registry";
import { waitFor } from "../../../scripts/console-process";

const settings = { failureThreshold: 3, halfOpenAfterMs: 10_000 };
const fail = (error: Error) => async () => {
  throw error;
};

async function gaugeValue(connection: string): Promise<number | undefined> {
  const gauge = await metrics().circuitState.get();
  return gauge.values.find((v) => v.labels.connection === connection)?.value;
}

describe("circuit breaker per connection", () => {
  it("opens after consecutive faults and then fails at once with a Retry-After, without calling K-LINK", async () => {
    const conn = `c-${randomUUID()}`;
    for (const error of [new KlinkNetworkError("x"), new KlinkTimeoutError("x", 1), new KlinkHttpError("x", 500, {})]) {
      await expect(throughCircuit(conn, fail(error), settings)).rejects.toBe(error);
    }
    expect(circuitState(conn)).toBe("open");
    let called = false;
    const refused = await throughCircuit(conn, async () => (called = true), settings).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect((refused as CircuitOpenError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as CircuitOpenError).retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(called).toBe(false);
    expect(await gaugeValue(conn)).toBe(2);
  });

  it("keeps one connection's open circuit away from the others", async () => {
    const broken = `c-${randomUUID()}`;
    const healthy = `c-${randomUUID()}`;
    for (let i = 0; i < 3; i++)
      await throughCircuit(broken, fail(new KlinkHttpError("x", 503, {})), settings).catch(() => {});
    expect(circuitState(broken)).toBe("open");
    expect(await throughCircuit(healthy, async () => "ok", settings)).toBe("ok");
    expect(circuitState(healthy)).toBe("closed");
  });

  it("never counts K-LINK's 4xx answers (429 included) as faults", async () => {
    const conn = `c-${randomUUID()}`;
    for (const status of [400, 401, 404, 422, 429, 400, 404, 429]) {
      await expect(throughCircuit(conn, fail(new KlinkHttpError("x", status, {})), settings)).rejects.toMatchObject({
        status,
      });
    }
    expect(circuitState(conn)).toBe("closed");
  });

  it("half-opens after the pause and closes again when the trial call succeeds", async () => {
    const conn = `c-${randomUUID()}`;
    const quick = { failureThreshold: 2, halfOpenAfterMs: 50 };
    for (let i = 0; i < 2; i++)
      await throughCircuit(conn, fail(new KlinkHttpError("x", 503, {})), quick).catch(() => {});
    expect(circuitState(conn)).toBe("open");
    await waitFor(
      async () => (await throughCircuit(conn, async () => "ok", quick).catch(() => "refused")) === "ok",
      5_000,
    );
    expect(circuitState(conn)).toBe("closed");
    expect(await gaugeValue(conn)).toBe(0);
  });

  it("opens again when the trial call fails", async () => {
    const conn = `c-${randomUUID()}`;
    const quick = { failureThreshold: 1, halfOpenAfterMs: 50 };
    await throughCircuit(conn, fail(new KlinkHttpError("x", 503, {})), quick).catch(() => {});
    let trialRan = false;
    await waitFor(async () => {
      const outcome = await throughCircuit(
        conn,
        async () => {
          trialRan = true;
          throw new KlinkHttpError("x", 503, {});
        },
        quick,
      ).catch((e: unknown) => e);
      return trialRan && outcome instanceof KlinkHttpError;
    }, 5_000);
    expect(circuitState(conn)).toBe("open");
  });

  it("forgets a connection's breaker and its gauge", async () => {
    const conn = `c-${randomUUID()}`;
    await throughCircuit(conn, fail(new KlinkHttpError("x", 503, {})), {
      failureThreshold: 1,
      halfOpenAfterMs: 60_000,
    }).catch(() => {});
    expect(circuitState(conn)).toBe("open");
    forgetCircuit(conn);
    expect(circuitState(conn)).toBe("closed");
    expect(await gaugeValue(conn)).toBeUndefined();
  });
});
