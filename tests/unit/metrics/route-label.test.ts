import { describe, expect, it } from "vitest";
import { routeLabel } from "../../../lib/metrics/route-label";

describe("routeLabel", () => {
  it("turns ids into :id so that metrics keep one series per route", () => {
    expect(routeLabel("/api/klink/v1/contacts/c786bb40-a58e-4d60-afe6-061e2b819811")).toBe("/api/klink/v1/contacts/:id");
    expect(routeLabel("/api/klink/v1/tickets/1042/status")).toBe("/api/klink/v1/tickets/:id/status");
    expect(routeLabel("/api/webhooks/klink/clx3k2v9p0000abcd1234")).toBe("/api/webhooks/klink/:id");
  });

  it("keeps named segments", () => {
    expect(routeLabel("/api/klink/v1/contacts/fields")).toBe("/api/klink/v1/contacts/fields");
    expect(routeLabel("/api/klink/v1/cx-logs")).toBe("/api/klink/v1/cx-logs");
    expect(routeLabel("/api/health")).toBe("/api/health");
  });
});
