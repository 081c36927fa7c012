import { defineConfig } from "vitest/config";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// One fresh database per run: a new SQLite file, or the PostgreSQL database named by
// TEST_DATABASE_URL (reset by the global setup). Workers inherit DATABASE_URL from here.
const databaseUrl =
  process.env.TEST_DATABASE_URL ||
  `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-console-test-")), "test.db")}`;
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Next resolves server-only to an empty module on the server; so do the tests.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/abuse/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    env: {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "test",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
      NEXTAUTH_URL: "http://localhost:3000",
      NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef0123456789",
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      // Tests call route handlers directly, with no socket: as if behind one reverse proxy that
      // appends X-Forwarded-For. tests/integration/http/client-address.test.ts covers the default (0).
      TRUSTED_PROXY_HOPS: "1",
      // Forwarding tests run their receivers on loopback.
      FORWARD_ALLOW_HTTP_LOOPBACK: "true",
    },
    // Files share one database; running them one after another keeps counts and uniqueness
    // assertions deterministic.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
