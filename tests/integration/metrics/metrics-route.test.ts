import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/api/metrics/route";
import { GET as health } from "../../../app/api/health/route";
import { resetEnvCache } from "../../../lib/env";
import { signedInAs } from "../../helpers/auth";

const TOKEN = "metrics-token-for-tests-0123456789";
const get = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/metrics", { headers }));

describe("GET /api/metrics", () => {
  beforeAll(() => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
  });

  it("refuses a caller without the token, with our error body and no metrics", async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    const body = await response.json();
    expect(body).toMatchObject({ status: "error", code: "unauthorized" });
    expect(JSON.stringify(body)).not.toContain("klink_console_");
    expect(body.requestId).toBeTruthy();
  });

  it("refuses a wrong token, also one that shares the right one's beginning", async () => {
    for (const wrong of ["nope", TOKEN.slice(0, -1), `${TOKEN}x`]) {
      expect((await get({ authorization: `Bearer ${wrong}` })).status).toBe(401);
    }
  });

  it("answers Prometheus text with request counts by route and status for the right token", async () => {
    await health(new Request("http://localhost/api/health"));
    const response = await get({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/klink_console_http_requests_total\{route="\/api\/health",method="GET",status="200"\} \d+/);
    expect(text).toContain("klink_console_http_request_duration_seconds_bucket");
    expect(text).toContain("# TYPE klink_console_cache_reads_total counter");
    expect(text).toContain("# TYPE klink_console_upstream_requests_total counter");
    expect(text).toContain("# TYPE klink_console_circuit_state gauge");
    expect(text).not.toContain(TOKEN);
  });

  it("is open to an admin's session or API key, and refused to other roles", async () => {
    const admin = await signedInAs("admin");
    const agent = await signedInAs("agent");
    expect((await get(admin.headers)).status).toBe(200);
    expect((await get({ authorization: `Bearer ${admin.apiKey}` })).status).toBe(200);
    expect((await get(agent.headers)).status).toBe(403);
    expect((await get({ authorization: `Bearer ${agent.apiKey}` })).status).toBe(403);
  });

  it("is closed to callers without a role when METRICS_TOKEN is not configured", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    try {
      expect((await get({ authorization: "Bearer " })).status).toBe(401);
      expect((await get({ authorization: `Bearer ${TOKEN}` })).status).toBe(401);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      resetEnvCache();
    }
  });
});
