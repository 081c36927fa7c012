// The dashboard's webhook deliveries per hour, counted in the real test database.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/identity/actor";
import { deliveriesPerHour } from "../../../lib/console/dashboard-deliveries";
import { resetDatabase, testDb } from "../../helpers/db";

const viewer: Actor = {
  type: "user",
  userId: "u-viewer",
  email: "viewer@example.test",
  name: "Viewer",
  role: "viewer",
};
const NOW = new Date("2026-03-10T14:25:00Z");
const hoursBefore = (hours: number, minutes = 0) => new Date(NOW.getTime() - hours * 3_600_000 - minutes * 60_000);

async function delivery(receivedAt: Date, status: string, connectionId = "conn-a") {
  await testDb().webhookDelivery.create({
    data: {
      receivedAt,
      connectionId,
      status,
      verification: status === "rejected" ? "invalid_signature" : "verified",
      headers: {},
    },
  });
}

beforeEach(resetDatabase);

describe("webhook deliveries per hour", () => {
  it("gives 24 hourly buckets ending with the current hour, counted by what became of each delivery", async () => {
    await delivery(hoursBefore(0, 5), "processed"); // 14:20 → the current hour
    await delivery(hoursBefore(0, 20), "processed"); // 14:05
    await delivery(hoursBefore(0, 24), "pending"); // 14:01
    await delivery(hoursBefore(1), "failed"); // 13:25
    await delivery(hoursBefore(1, 10), "duplicate"); // 13:15
    await delivery(hoursBefore(3), "rejected"); // 11:25
    await delivery(hoursBefore(23), "processing"); // 15:25 yesterday: the first bucket
    await delivery(hoursBefore(24), "processed"); // 14:25 yesterday: outside the window

    const buckets = await deliveriesPerHour(viewer, { now: NOW }, testDb());
    expect(buckets).toHaveLength(24);
    expect(buckets[0].hourStart).toBe("2026-03-09T15:00:00.000Z");
    expect(buckets[23].hourStart).toBe("2026-03-10T14:00:00.000Z");
    expect(buckets[23]).toMatchObject({ total: 3, processed: 2, waiting: 1, failed: 0 });
    expect(buckets[22]).toMatchObject({ total: 2, failed: 1, duplicate: 1 });
    expect(buckets[20]).toMatchObject({ total: 1, rejected: 1 });
    expect(buckets[0]).toMatchObject({ total: 1, waiting: 1 });
    expect(buckets.reduce((sum, b) => sum + b.total, 0)).toBe(7);
  });

  it("counts only the given connection's deliveries when asked", async () => {
    await delivery(hoursBefore(0, 1), "processed", "conn-a");
    await delivery(hoursBefore(0, 2), "processed", "conn-b");
    await delivery(hoursBefore(2), "rejected", "conn-b");
    const onlyB = await deliveriesPerHour(viewer, { now: NOW, connectionId: "conn-b" }, testDb());
    expect(onlyB.reduce((sum, b) => sum + b.total, 0)).toBe(2);
    const all = await deliveriesPerHour(viewer, { now: NOW }, testDb());
    expect(all.reduce((sum, b) => sum + b.total, 0)).toBe(3);
  });

  it("is refused to an actor without a console role", async () => {
    const stranger = { ...viewer, role: "guest" } as unknown as Actor;
    await expect(deliveriesPerHour(stranger, { now: NOW }, testDb())).rejects.toMatchObject({ status: 403 });
  });
});
