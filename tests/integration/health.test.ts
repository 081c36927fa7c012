import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GET } from "../../app/api/health/route";
import { checkHealth } from "../../lib/health";
import { closeDb, createDb } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";

const runDatabaseUrl = process.env.DATABASE_URL;

/** The console configured with another DATABASE_URL (its process-wide client reopened). */
async function withDatabaseUrl(url: string) {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

afterEach(async () => {
  await withDatabaseUrl(runDatabaseUrl!);
});

describe("GET /api/health", () => {
  it("answers ok with the database reachable and the version", async () => {
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", version: expect.any(String), database: { status: "up" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a well-formed incoming x-request-id and replaces a malformed one", async () => {
    const kept = await GET(
      new Request("http://localhost/api/health", { headers: { "x-request-id": "edge-1234abcd" } }),
    );
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

  it("answers 503 naming the database when the configured PostgreSQL server cannot be reached", async () => {
    await withDatabaseUrl("postgresql://postgres@127.0.0.1:1/unreachable");
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({
      status: "error",
      failing: ["database"],
      database: { status: "down", provider: "postgresql" },
    });
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
  });

  it("answers 503 naming the database when the configured SQLite file cannot even be opened", async () => {
    const notADirectory = path.join(mkdtempSync(path.join(tmpdir(), "kc-health-")), "a-file");
    writeFileSync(notADirectory, "");
    await withDatabaseUrl(`file:${notADirectory}/console.db`);
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "error",
      failing: ["database"],
      database: { status: "down", provider: "sqlite" },
    });
  });
});
