import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { checkHealth } from "../../lib/health";
import { createDb } from "../../lib/db/client";

describe("GET /api/health", () => {
  it("answers ok with the database reachable and the version", async () => {
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", version: expect.any(String), database: { status: "up" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a well-formed incoming x-request-id and replaces a malformed one", async () => {
    const kept = await GET(new Request("http://localhost/api/health", { headers: { "x-request-id": "edge-1234abcd" } }));
    expect(kept.headers.get("x-request-id")).toBe("edge-1234abcd");
    const replaced = await GET(new Request("http://localhost/api/health", { headers: { "x-request-id": "<script>" } }));
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("names the database as failing when it cannot be reached, revealing no host", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/unreachable";
    const health = await checkHealth(createDb(url), url);
    expect(health.status).toBe("error");
    expect(health.failing).toEqual(["database"]);
    expect(health.database.status).toBe("down");
    expect(JSON.stringify(health)).not.toContain("127.0.0.1");
  });
});
