import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KlinkHttpError } from "../../../lib/klink/errors";
import { metrics } from "../../../lib/metrics/registry";
import { CircuitOpenError } from "../../../lib/resilience/circuit-open-error";
import { resilientCall } from "../../../lib/resilience/resilient-call";

async function counter(name: "upstreamRequests" | "upstreamErrors", labels: Record<string, string>): Promise<number> {
  const metric = await metrics()[name].get();
  return metric.values
    .filter((v) => Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

describe("a resilient K-LINK call", () => {
  it("counts every attempt as an upstream call of its endpoint, with its outcome", async () => {
    const endpoint = `ep-${randomUUID()}`;
    let attempts = 0;
    const result = await resilientCall({
      connectionId: `c-${randomUUID()}`,
      endpoint,
      idempotent: true,
      sleep: async () => {},
      attempt: async () => {
        if (++attempts < 3) throw new KlinkHttpError(endpoint, 503, {});
        return "ok";
      },
    });
    expect(result).toBe("ok");
    expect(await counter("upstreamRequests", { endpoint, outcome: "503" })).toBe(2);
    expect(await counter("upstreamRequests", { endpoint, outcome: "success" })).toBe(1);
    expect(await counter("upstreamErrors", { endpoint, kind: "status_5xx" })).toBe(2);
  });

  it("stops retrying as soon as the circuit opens, and says when to come back", async () => {
    const endpoint = `ep-${randomUUID()}`;
    let attempts = 0;
    const error = await resilientCall({
      connectionId: `c-${randomUUID()}`,
      endpoint,
      idempotent: true,
      circuit: { failureThreshold: 2, halfOpenAfterMs: 30_000 },
      sleep: async () => {},
      attempt: async () => {
        attempts++;
        throw new KlinkHttpError(endpoint, 503, {});
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterSeconds).toBeGreaterThan(25);
    expect(attempts).toBe(2);
    expect(await counter("upstreamErrors", { endpoint, kind: "circuit_open" })).toBe(1);
  });
});
