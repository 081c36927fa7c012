import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.mts"], {
    env: { PATH: process.env.PATH!, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start with a bad configuration", () => {
  it("exits non-zero with a one-line reason naming a malformed DATABASE_URL", () => {
    const result = start({ NODE_ENV: "production", DEMO_MODE: "true", DATABASE_URL: "mongodb://nope" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/DATABASE_URL must be file:/);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it("exits non-zero naming the missing production secrets", () => {
    const result = start({ NODE_ENV: "production", DATABASE_URL: "file:./data/never-created.db" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/NEXTAUTH_SECRET is required in production/);
    expect(result.stderr).toMatch(/APP_ENCRYPTION_KEY is required in production/);
  });
});
