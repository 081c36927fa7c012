import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv as parseDotenv } from "node:util";
import { EnvError, parseEnv } from "../../lib/env";

const key = Buffer.alloc(32, 1).toString("base64");
const production = {
  NODE_ENV: "production",
  DATABASE_URL: "file:./data/x.db",
  NEXTAUTH_URL: "https://console.example.com",
  NEXTAUTH_SECRET: "s".repeat(40),
  APP_ENCRYPTION_KEY: key,
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("accepts a complete production configuration and applies defaults", () => {
    const env = parseEnv(production);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.KLINK_ALLOWED_HOSTS).toEqual(["apigw.klinkcx.com", "api.klink.cloud", "uat-api.klink.cloud"]);
    expect(env.AUDIT_RETENTION_DAYS).toBe(365);
    expect(env.usingDevSecrets).toBe(false);
  });

  it("refuses to start in production without real secrets, naming each missing variable", () => {
    const problems = problemsOf({ NODE_ENV: "production", DATABASE_URL: "file:./data/x.db" });
    expect(problems.join("\n")).toMatch(/NEXTAUTH_URL/);
    expect(problems.join("\n")).toMatch(/NEXTAUTH_SECRET/);
    expect(problems.join("\n")).toMatch(/APP_ENCRYPTION_KEY/);
  });

  it("names a malformed DATABASE_URL and says what is expected", () => {
    const problems = problemsOf({ ...production, DATABASE_URL: "mysql://x" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL must be file:/);
  });

  it("rejects an encryption key that is not 32 bytes of base64", () => {
    const problems = problemsOf({ ...production, APP_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") });
    expect(problems[0]).toMatch(/^APP_ENCRYPTION_KEY must be 32 random bytes/);
  });

  it("rejects a bad LOG_LEVEL and a bad REDIS_URL together", () => {
    const problems = problemsOf({ ...production, LOG_LEVEL: "loud", REDIS_URL: "localhost:6379" });
    expect(problems.some((p) => p.startsWith("LOG_LEVEL"))).toBe(true);
    expect(problems.some((p) => p.startsWith("REDIS_URL"))).toBe(true);
  });

  it("closes single sign-on and bounds sessions by default", () => {
    expect(parseEnv(production)).toMatchObject({
      OIDC_NEW_USERS: "refuse",
      OIDC_ALLOWED_DOMAINS: [],
      SESSION_LIFETIME_SECONDS: 12 * 60 * 60,
    });
  });

  it("reads OIDC_ALLOWED_DOMAINS as a list of e-mail domains, and names a malformed one", () => {
    expect(parseEnv({ ...production, OIDC_ALLOWED_DOMAINS: " Example.COM, @staff.example.org ," })).toMatchObject({
      OIDC_ALLOWED_DOMAINS: ["example.com", "staff.example.org"],
    });
    expect(problemsOf({ ...production, OIDC_ALLOWED_DOMAINS: "example.com, *.example.org" })).toEqual([
      "OIDC_ALLOWED_DOMAINS must be e-mail domains separated by commas, e.g. example.com,example.org",
    ]);
  });

  it("names a SESSION_LIFETIME_SECONDS or HOST that cannot be used", () => {
    const problems = problemsOf({ ...production, SESSION_LIFETIME_SECONDS: "12h", HOST: "http://0.0.0.0" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["HOST", "SESSION_LIFETIME_SECONDS"]);
  });

  it("requires the OIDC variables together", () => {
    const problems = problemsOf({ ...production, OIDC_ISSUER: "https://sso.example.com" });
    expect(problems.sort()).toEqual([
      "OIDC_CLIENT_ID is required when OIDC is configured",
      "OIDC_CLIENT_SECRET is required when OIDC is configured",
    ]);
  });

  it("generates development secrets once into a private file in demo mode, and reuses them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kc-env-"));
    const source = { NODE_ENV: "production", DEMO_MODE: "true", DATABASE_URL: `file:${dir}/console.db` };
    const first = parseEnv(source);
    const second = parseEnv(source);
    expect(first.usingDevSecrets).toBe(true);
    expect(first.NEXTAUTH_SECRET).toBe(second.NEXTAUTH_SECRET);
    expect(Buffer.from(first.APP_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    const file = path.join(dir, "dev-secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8")).encryptionKey).toBe(first.APP_ENCRYPTION_KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("treats a variable set to nothing as not set, for every variable", () => {
    const everyVariableEmpty = Object.fromEntries(
      Object.keys(parseDotenv(readFileSync(".env.example", "utf8"))).map((name) => [name, ""]),
    );
    const dir = mkdtempSync(path.join(tmpdir(), "kc-env-"));
    const env = parseEnv({ ...everyVariableEmpty, NODE_ENV: "development", DATABASE_URL: `file:${dir}/console.db` });
    expect(env).toMatchObject({
      LOG_LEVEL: "info",
      TRUSTED_PROXY_HOPS: 0,
      KLINK_TIMEOUT_MS: 10_000,
      OIDC_NAME: "Single sign-on",
      usingDevSecrets: true,
    });
    expect(parseEnv({ ...everyVariableEmpty, ...production, NODE_ENV: "", DATABASE_URL: "" })).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/console.db",
    });
  });

  it("starts from .env.example copied as is (cp .env.example .env) outside production, and names the missing secrets in production", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kc-env-"));
    const example = { ...parseDotenv(readFileSync(".env.example", "utf8")), DATABASE_URL: `file:${dir}/console.db` };
    expect(parseEnv({ ...example, NODE_ENV: "development" }).usingDevSecrets).toBe(true);
    expect(problemsOf({ ...example, NODE_ENV: "production" }).sort()).toEqual([
      "APP_ENCRYPTION_KEY is required in production (openssl rand -base64 32)",
      "NEXTAUTH_SECRET is required in production (openssl rand -base64 32)",
    ]);
  });
});
