// What rejected deliveries may cost one source address: the first few per minute are stored,
// the next ones only counted, and beyond the limit the answer is 429 with Retry-After. Accepted
// deliveries never count. Through both front doors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metrics } from "../../../lib/metrics/registry";
import { setRateLimitStore } from "../../../lib/resilience/rate-limiter";
import { addressRejectionBudget } from "../../../lib/webhooks/rejection-budget";
import { resetDatabase, testDb } from "../../helpers/db";
import { FRONT_DOORS, closeServedEndpoints, envelope, hmacSettings, post, postSigned } from "../../helpers/webhook-kit";

const CONN = "conn-budget";
const settings = { [CONN]: hmacSettings(CONN) };
const rows = () => testDb().webhookDelivery.count();
const unstored = async () =>
  (await metrics().rateLimited.get()).values.find((v) => v.labels.limiter === "webhook_rejection_unstored")?.value ?? 0;

beforeEach(async () => {
  await resetDatabase();
  setRateLimitStore({ kind: "memory" });
});
afterEach(async () => {
  setRateLimitStore(undefined);
  await closeServedEndpoints();
});

describe.each(FRONT_DOORS)("through %s", (_door, makeEndpoint) => {
  it("stores the first rejections of an address, counts the next, then answers 429 with Retry-After", async () => {
    const endpoint = makeEndpoint({
      settings,
      rejections: () => addressRejectionBudget({ storedPerMinute: 3, perMinute: 8 }),
    });
    const before = await unstored();
    const statuses: number[] = [];
    const ids: (string | null)[] = [];
    for (let i = 0; i < 10; i++) {
      // Unknown connection and a forged signature both spend the budget.
      const { res } =
        i % 2 === 0
          ? await post(endpoint, "no-such-connection", envelope())
          : await post(endpoint, CONN, envelope(), { "x-signature": "0".repeat(64) });
      statuses.push(res.status);
      ids.push(res.headers.get("x-webhook-delivery-id"));
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([404, 401, 404, 401, 404, 401, 404, 401, 429, 429]);
    expect(ids.filter(Boolean)).toHaveLength(3);
    expect(await rows()).toBe(3);
    expect((await unstored()) - before).toBe(5);
    // The connection's real sender is never limited: a signed delivery is accepted and stored.
    const { res } = await postSigned(endpoint, CONN, envelope("ticket.update", { id: "t-1" }));
    expect(res.status).toBe(200);
    expect(await rows()).toBe(4);
  });
});
