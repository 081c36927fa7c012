import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { envFileMode, envFileNames, loadEnvFiles } from "../../lib/env-files";

const NAMES = ["KC_ENVFILE_A", "KC_ENVFILE_B", "KC_ENVFILE_C", "KC_ENVFILE_D"];
afterEach(() => NAMES.forEach((name) => delete process.env[name]));

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kc-envfiles-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("reading .env files like Next.js", () => {
  it("reads the files Next.js reads in each mode, strongest first", () => {
    expect(envFileNames("production")).toEqual([".env.production.local", ".env.local", ".env.production", ".env"]);
    expect(envFileNames("development")).toEqual([".env.development.local", ".env.local", ".env.development", ".env"]);
    expect(envFileNames("test")).toEqual([".env.test.local", ".env.test", ".env"]);
    expect([envFileMode(undefined), envFileMode("production"), envFileMode("test"), envFileMode("staging")]).toEqual([
      "development",
      "production",
      "test",
      "development",
    ]);
  });

  it("never overrides a variable already set, and lets the stronger file win", () => {
    process.env.KC_ENVFILE_A = "from the environment";
    const dir = dirWith({
      ".env": "KC_ENVFILE_A=from .env\nKC_ENVFILE_B=from .env\nKC_ENVFILE_C=from .env\n",
      ".env.local": "KC_ENVFILE_B=from .env.local\n",
      ".env.production": 'KC_ENVFILE_C=from .env.production\nKC_ENVFILE_D="quoted # not a comment"\n',
      ".env.development": "KC_ENVFILE_C=never read in production\n",
    });
    expect(loadEnvFiles("production", dir)).toEqual([".env.local", ".env.production", ".env"]);
    expect(NAMES.map((name) => process.env[name])).toEqual([
      "from the environment",
      "from .env.local",
      "from .env.production",
      "quoted # not a comment",
    ]);
  });

  it("does nothing where there are no files", () => {
    expect(loadEnvFiles("production", dirWith({}))).toEqual([]);
  });
});
