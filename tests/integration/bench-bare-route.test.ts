import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GET } from "../../app/api/bench/bare/route";
import { resetEnvCache } from "../../lib/env";
import { signedInAs } from "../helpers/auth";

const BODY = { total: 1, page: 1, pageSize: 10, lastPage: 1, data: [{ id: "t-1", subject: "Benchmark" }] };

function useBareRoute(json: string | undefined): void {
  if (json === undefined) delete process.env.BENCH_BARE_ROUTE_JSON;
  else process.env.BENCH_BARE_ROUTE_JSON = json;
  resetEnvCache();
}

describe("GET /api/bench/bare (the baseline of npm run bench:proxy)", () => {
  afterEach(() => useBareRoute(undefined));

  it("does not exist unless BENCH_BARE_ROUTE_JSON is set, even for a signed-in caller", async () => {
    const { apiKey } = await signedInAs("admin");
    const res = await GET(
      new Request("http://localhost/api/bench/bare", { headers: { authorization: `Bearer ${apiKey}` } }),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: "error", code: "not_found" });
  });

  it("serves the file's JSON to an authenticated caller only", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-bare-")), "body.json");
    writeFileSync(file, JSON.stringify(BODY));
    useBareRoute(file);
    expect((await GET(new Request("http://localhost/api/bench/bare"))).status).toBe(401);
    const { apiKey } = await signedInAs("viewer");
    const res = await GET(
      new Request("http://localhost/api/bench/bare", { headers: { authorization: `Bearer ${apiKey}` } }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(BODY);
  });
});
