import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "../../../lib/audit/audit-query";
import { parseUtcInstant } from "../../../lib/http/utc-instant";
import { historyQuerySchema } from "../../../lib/webhooks/history-query";

describe("time filters from a URL", () => {
  it("reads a date as the start of that UTC day, or its end for an upper bound", () => {
    expect(parseUtcInstant("2026-03-01")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseUtcInstant("2026-03-01", "end")?.toISOString()).toBe("2026-03-01T23:59:59.999Z");
  });

  it("reads a date-time without a zone (a datetime-local field) as UTC, whatever the server's zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Asia/Bangkok";
    try {
      expect(parseUtcInstant("2026-03-01T12:30")?.toISOString()).toBe("2026-03-01T12:30:00.000Z");
    } finally {
      process.env.TZ = saved;
    }
  });

  it("keeps the zone of a full ISO date-time and refuses nonsense", () => {
    expect(parseUtcInstant("2026-03-01T12:30:00+07:00")?.toISOString()).toBe("2026-03-01T05:30:00.000Z");
    expect(parseUtcInstant("yesterday")).toBeNull();
  });

  it("is how the webhook history and the audit log read their from/to filters", () => {
    expect(historyQuerySchema.parse({ from: "2026-03-01T08:00" }).from?.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(auditQuerySchema.parse({ from: "2026-03-01T08:00", to: "2026-03-02" }).to?.toISOString()).toBe(
      "2026-03-02T23:59:59.999Z",
    );
  });
});
