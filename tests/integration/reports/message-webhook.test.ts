// A message webhook, processed by the real delivery processor, drops the stored report days that
// contain the message (in every zone they were stored in) and nothing else; if that fails, the
// delivery is not marked processed, so it is tried again.
import { beforeEach, describe, expect, it } from "vitest";
import { forgetReportDaysOfMessages } from "../../../lib/reports/on-message-events";
import { createDeliveryProcessor } from "../../../lib/webhooks/process-deliveries";
import { resetDatabase, testDb } from "../../helpers/db";
import { envelope, hmacSettings, makeEndpoint, postSigned, testProvider } from "../../helpers/webhook-kit";

const CONN = "conn-reports";

async function receive(body: string): Promise<string> {
  const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) } });
  return String((await postSigned(endpoint, CONN, body)).json.id);
}

async function storeDays(zone: string, days: string[]) {
  for (const day of days)
    await testDb().reportDay.create({
      data: { connectionId: CONN, timeZone: zone, day, logCount: 1, aggregate: { version: 1, day } },
    });
}

const storedDays = async () =>
  (
    await testDb().reportDay.findMany({ where: { connectionId: CONN }, orderBy: [{ timeZone: "asc" }, { day: "asc" }] })
  ).map((r) => `${r.timeZone} ${r.day}`);

beforeEach(resetDatabase);

describe("message webhooks and stored report days", () => {
  it("drops the day of the message in each zone, and keeps the others", async () => {
    await storeDays("Asia/Yangon", ["2026-01-10", "2026-01-11"]);
    await storeDays("America/New_York", ["2026-01-10", "2026-01-11"]);
    // 2026-01-10 20:00 UTC: 2026-01-11 02:30 in Yangon, 2026-01-10 15:00 in New York.
    await receive(envelope("message.inbound", { id: "m-1", contactId: "c-1", createdAt: "2026-01-10T20:00:00.000Z" }));
    await receive(envelope("ticket.update", { id: "t-1", status: "closed" }));
    const processor = createDeliveryProcessor({
      db: testDb(),
      provider: testProvider(),
      invalidate: async () => {},
      publish: async () => {},
      onEvents: (events) => forgetReportDaysOfMessages(events, { database: testDb(), invalidate: async () => {} }),
    });
    expect(await processor.drain()).toBe(2);
    expect(await storedDays()).toEqual(["America/New_York 2026-01-11", "Asia/Yangon 2026-01-10"]);
  });

  it("leaves the delivery unprocessed when the stored days cannot be dropped", async () => {
    const id = await receive(envelope("message.outbound", { id: "m-2", contactId: "c-1" }));
    const processor = createDeliveryProcessor({
      db: testDb(),
      provider: testProvider(),
      invalidate: async () => {},
      publish: async () => {},
      onEvents: async () => {
        throw new Error("database unavailable");
      },
    });
    await processor.drain();
    expect(await testDb().webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: expect.not.stringMatching(/^processed$/),
      lastError: expect.stringContaining("database unavailable"),
    });
  });
});
