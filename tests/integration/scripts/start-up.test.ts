import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const ROOT = process.cwd();

function run(script: string, env: Record<string, string>, cwd = ROOT) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), `scripts/${script}`], {
    cwd,
    env: { PATH: process.env.PATH!, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

const start = (env: Record<string, string>, cwd?: string) => run("start.mts", env, cwd);

/** A checkout of the project (links to this one) whose working directory holds only the given .env. */
function checkoutWithDotenv(dotenv: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kc-dotenv-"));
  for (const entry of [
    "node_modules",
    "lib",
    "prisma",
    "scripts",
    "prisma.config.ts",
    "package.json",
    "tsconfig.json",
  ]) {
    symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  writeFileSync(path.join(dir, ".env"), dotenv);
  return dir;
}

const tablesOf = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
  } finally {
    sqlite.close();
  }
};

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

  it("names DATABASE_URL when the database it points at cannot be reached", () => {
    const result = start({
      NODE_ENV: "production",
      DEMO_MODE: "true",
      DATABASE_URL: "postgresql://postgres:s3cret-pw@127.0.0.1:1/nowhere",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^klink-console: database migration failed for DATABASE_URL \(postgresql\): Can't reach database server at `127.0.0.1:1`/,
    );
    expect(result.stderr).not.toContain("s3cret-pw");
  });

  it("checks the configuration as `next start` will run it: production unless NODE_ENV says otherwise", () => {
    const result = start({ DATABASE_URL: "file:./data/never-created.db" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NEXTAUTH_SECRET is required in production/);
  });
});

describe("the command-line entry points read .env like next start does", () => {
  it("npm run db:migrate migrates the database named in .env", () => {
    const dir = checkoutWithDotenv("DATABASE_URL=file:./from-dotenv/console.db\n");
    const result = run("migrate.mts", {}, dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(tablesOf(path.join(dir, "from-dotenv/console.db"))).toEqual(
      expect.arrayContaining(["User", "AuditLog", "WebhookDelivery", "KlinkConnection"]),
    );
    expect(existsSync(path.join(dir, "data/console.db"))).toBe(false);
  });

  it("npm start reads .env (here: a malformed DATABASE_URL in it), and a variable already set wins over it", () => {
    const dir = checkoutWithDotenv("DATABASE_URL=mysql://from-dotenv\nDEMO_MODE=true\n");
    const fromFile = start({}, dir);
    expect(fromFile.status).toBe(1);
    expect(fromFile.stderr).toMatch(/DATABASE_URL must be file:/);
    const overridden = start({ DATABASE_URL: "mongodb://from-environment", DEMO_MODE: "true" }, dir);
    expect(overridden.stderr).toMatch(/DATABASE_URL must be file:/);
    expect(overridden.stderr).not.toMatch(/mysql/);
  });

  it("the Prisma CLI (prisma.config.ts) migrates the database named in .env", () => {
    const dir = checkoutWithDotenv("DATABASE_URL=file:./prisma-cli.db\n");
    const result = spawnSync(path.join(dir, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: dir,
      env: { PATH: process.env.PATH!, PRISMA_HIDE_UPDATE_MESSAGE: "1" } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(tablesOf(path.join(dir, "prisma-cli.db"))).toContain("User");
  });
});
