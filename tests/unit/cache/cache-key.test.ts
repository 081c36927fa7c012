import { describe, expect, it } from "vitest";
import { cacheKey } from "../../../lib/cache/cache-key";

describe("cacheKey", () => {
  it("ignores the order of query parameters", () => {
    expect(cacheKey("c1", "tickets.list", { query: { page: 2, pageSize: 50, status: "open" } })).toBe(
      cacheKey("c1", "tickets.list", { query: { status: "open", pageSize: 50, page: 2 } }),
    );
  });

  it("ignores empty and absent values", () => {
    expect(cacheKey("c1", "contacts.list", { query: { keyword: "", page: 1, pageSize: undefined, tag: null } })).toBe(
      cacheKey("c1", "contacts.list", { query: { page: 1 } }),
    );
  });

  it("treats a number and its query-string spelling alike", () => {
    expect(cacheKey("c1", "tickets.list", { query: { page: 3 } })).toBe(
      cacheKey("c1", "tickets.list", { query: { page: "3" } }),
    );
  });

  it("separates connections, endpoints, path parameters and values", () => {
    const keys = [
      cacheKey("c1", "contacts.get", { params: { id: "a" } }),
      cacheKey("c2", "contacts.get", { params: { id: "a" } }),
      cacheKey("c1", "contacts.get", { params: { id: "b" } }),
      cacheKey("c1", "tickets.byContact", { params: { id: "a" } }),
      cacheKey("c1", "contacts.get", { query: { id: "a" } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps a list apart from a string with the same characters", () => {
    expect(cacheKey("c1", "t", { query: { status: ["open", "pending"] } })).not.toBe(
      cacheKey("c1", "t", { query: { status: "open,pending" } }),
    );
  });

  it("includes answer-changing headers, whatever the case of their names", () => {
    const bangkok = cacheKey("c1", "cxLogs.list", { headers: { "x-client-timezone": "Asia/Bangkok" } });
    expect(bangkok).toBe(cacheKey("c1", "cxLogs.list", { headers: { "X-Client-Timezone": "Asia/Bangkok" } }));
    expect(bangkok).not.toBe(cacheKey("c1", "cxLogs.list", { headers: { "x-client-timezone": "Asia/Yangon" } }));
  });

  it("encodes separators inside values so they cannot forge another key", () => {
    expect(cacheKey("c1", "contacts.list", { query: { keyword: "a&page=2" } })).not.toBe(
      cacheKey("c1", "contacts.list", { query: { keyword: "a", page: 2 } }),
    );
  });

  it("orders the keys of an object value", () => {
    expect(cacheKey("c1", "t", { query: { filter: { b: 1, a: { y: 2, x: 1 } } } })).toBe(
      cacheKey("c1", "t", { query: { filter: { a: { x: 1, y: 2 }, b: 1 } } }),
    );
  });
});
