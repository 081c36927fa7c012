import { describe, expect, it } from "vitest";
import { routeLabel, UNMATCHED_ROUTE } from "../../../lib/metrics/route-label";

describe("the route label of request metrics", () => {
  it("is the route's template: each param's value gives way to its name", () => {
    expect(routeLabel("/api/webhooks/klink/clx3k2v9p0000abcd1234", { connectionId: "clx3k2v9p0000abcd1234" })).toBe(
      "/api/webhooks/klink/[connectionId]",
    );
    expect(routeLabel("/api/admin/connections/c1/test", { id: "c1" })).toBe("/api/admin/connections/[id]/test");
    expect(routeLabel("/api/admin/users/users", { id: "users" })).toBe("/api/admin/users/[id]");
    expect(routeLabel("/api/admin/webhooks/deliveries/d%201/replay", { id: "d 1" })).toBe(
      "/api/admin/webhooks/deliveries/[id]/replay",
    );
  });

  it("puts a catch-all's name in place of all the segments it took", () => {
    expect(routeLabel("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe(
      "/api/auth/[...nextauth]",
    );
    expect(routeLabel("/api/klink/v1/no/such/thing", { path: ["no", "such", "thing"] })).toBe(
      "/api/klink/v1/[...path]",
    );
  });

  it("keeps a static route's path", () => {
    expect(routeLabel("/api/health")).toBe("/api/health");
    expect(routeLabel("/api/admin/webhooks/counts", {})).toBe("/api/admin/webhooks/counts");
  });

  it("never falls back to the raw path when a param cannot be placed", () => {
    expect(routeLabel("/api/webhooks/klink/abc", { connectionId: "something-else" })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel("/api/klink/v1/a/b", { path: ["x", "y"] })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel("/api/%E0%A4%A", {})).toBe(UNMATCHED_ROUTE);
  });
});
