import { defineConfig } from "vitest/config";

// Browser journeys in real Chromium against the built console (scripts/serve.mjs, as `npm start` runs it), see tests/e2e/.
// The global set-up builds it first (npm run build), with a known token in its database. Files
// run one after another: several journeys assert how soon a change shows (within a second or two).
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/helpers/global-build.ts"],
    setupFiles: ["tests/helpers/csp-guard.ts"],
    fileParallelism: false,
    // The journeys' own process (seeding, assertions) logs nothing; each console server it starts
    // sets its own level (scripts/console-process.ts).
    // Every journey signs in from 127.0.0.1, many times a minute: the per-address sign-in limit
    // (a real attacker's budget) would refuse the later ones. Its own tests are in tests/integration.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", LOGIN_ATTEMPTS_PER_MINUTE: "1000" },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
