import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KlinkHttpError, KlinkTimeoutError } from "../../../lib/klink/errors";
import { resilientCall } from "../../../lib/resilience/resilient-call";
import { upstreamHealth } from "../../../lib/resilience/upstream-health";

const call = (connectionId: string, attempt: () => Promise<unknown>) =>
  resilientCall({ connectionId, endpoint: "tickets.list", idempotent: true, sleep: async () => {}, attempt });

describe("upstream health per connection", () => {
  it("knows nothing of a connection that has not called K-LINK", () => {
    expect(upstreamHealth(`c-${randomUUID()}`)).toBeNull();
  });

  it("turns unhealthy when a call ends in a fault, and healthy again after a success", async () => {
    const conn = `c-${randomUUID()}`;
    await expect(
      call(conn, async () => Promise.reject(new KlinkTimeoutError("tickets.list", 50))),
    ).rejects.toBeInstanceOf(KlinkTimeoutError);
    expect(upstreamHealth(conn)).toMatchObject({ healthy: false, lastFailureKind: "timeout", calls: 1, failures: 1 });
    await call(conn, async () => "ok");
    expect(upstreamHealth(conn)).toMatchObject({ healthy: true, lastFailureKind: "timeout", calls: 2, failures: 1 });
  });

  it("counts K-LINK refusing a bad request (4xx) as an answer, not a fault", async () => {
    const conn = `c-${randomUUID()}`;
    await expect(
      call(conn, async () => Promise.reject(new KlinkHttpError("tickets.list", 404, {}))),
    ).rejects.toBeInstanceOf(KlinkHttpError);
    expect(upstreamHealth(conn)).toMatchObject({ healthy: true, failures: 0 });
  });
});
