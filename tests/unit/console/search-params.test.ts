import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "../../../lib/audit/audit-query";
import { listFilters } from "../../../lib/console/search-params";
import { historyQuerySchema } from "../../../lib/webhooks/history-query";

describe("a list page's filters from its URL", () => {
  it("parses valid filters with the list's API schema, first value of each, blanks left out", () => {
    const filters = listFilters(
      { action: [" user.create ", "user.update"], outcome: "", from: "2026-03-01", cursor: "c-1" },
      auditQuerySchema,
    );
    expect(filters.values).toEqual({ action: "user.create", from: "2026-03-01", cursor: "c-1" });
    expect(filters.errors).toEqual({});
    expect(filters.query).toMatchObject({
      action: "user.create",
      from: new Date("2026-03-01T00:00:00.000Z"),
      cursor: "c-1",
    });
  });

  it("keeps invalid filters as typed and says what is wrong with each, by its field, on both admin lists", () => {
    const audit = listFilters({ outcome: "maybe", to: "yesterday", action: "user.create" }, auditQuerySchema);
    expect(audit.query).toBeNull();
    expect(Object.keys(audit.errors).sort()).toEqual(["outcome", "to"]);
    expect(audit.values).toEqual({ outcome: "maybe", to: "yesterday", action: "user.create" });

    const history = listFilters({ status: "lost", from: "soon" }, historyQuerySchema);
    expect(history.query).toBeNull();
    expect(Object.keys(history.errors).sort()).toEqual(["from", "status"]);
    expect(history.values).toEqual({ status: "lost", from: "soon" });
  });
});
