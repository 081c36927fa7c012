// Global set-up of the browser journeys: builds the console once (`npm run build`) while its
// database already holds a K-LINK connection with a known token and webhook secret — the
// "canary" — so the journeys can show that no secret reaches the build output, whatever a page
// might prerender. Every journey then runs against this build (scripts/serve.mjs, as `npm start` runs it).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/run-prisma-migrate";

export type BuildCanary = {
  databaseUrl: string;
  encryptionKey: string;
  token: string;
  webhookSecret: string;
  users: { email: string; password: string; role: string }[];
};

declare module "vitest" {
  export interface ProvidedContext {
    buildCanary: BuildCanary;
  }
}

export default async function setup({ provide }: TestProject) {
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "klink-e2e-build-")), "console.db")}`;
  const encryptionKey = Buffer.alloc(32, 11).toString("base64");
  const token = `kpt_SeededE2E${randomBytes(8).toString("hex")}`;
  const webhookSecret = `whsec_canary_${randomBytes(8).toString("hex")}`;
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: encryptionKey });
  try {
    migrateDatabase(databaseUrl, { quiet: true });
    const { seedDemo } = await import("../../scripts/demo-seed");
    const { users } = await seedDemo({ klinkBaseUrl: "http://127.0.0.1:9", klinkToken: token, webhookSecret });
    const { db } = await import("../../lib/db/client");
    await db().$disconnect();
    const build = spawnSync("npm", ["run", "build"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DEMO_MODE: "true",
        DATABASE_URL: databaseUrl,
        APP_ENCRYPTION_KEY: encryptionKey,
      },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    provide("buildCanary", { databaseUrl, encryptionKey, token, webhookSecret, users });
  } finally {
    process.env = saved;
  }
}
