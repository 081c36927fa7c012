// npm start — checks the configuration, applies pending migrations, then runs the console's
// server (scripts/serve.mjs: Next.js, with webhook deliveries answered in front of it).
// A bad or missing variable stops here with a one-line reason and exit code 1.
import "./load-env-for-next-start";
import { spawn } from "node:child_process";
import { parseEnv } from "../lib/env";
import { migrateDatabase } from "./run-prisma-migrate";
import { exitWithReason } from "./exit-with-reason";

let port = process.env.PORT || "3000";
try {
  const env = parseEnv(process.env);
  migrateDatabase(env.DATABASE_URL);
  port = process.env.PORT || new URL(env.NEXTAUTH_URL).port || "3000";
} catch (error) {
  exitWithReason(error);
}

const next = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...process.env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
