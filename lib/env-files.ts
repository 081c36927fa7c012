// The .env files Next.js reads, read the same way by what runs outside Next: the command-line
// entry points (npm start, npm run db:migrate, npm run demo, ...) and the Prisma CLI's config
// (Prisma skips .env when a prisma.config.ts exists). Without this, `npm start` would migrate
// the default SQLite file while `next start` serves the database named in .env.
//
// Same files and precedence as Next.js (@next/env): a variable already in the environment always
// wins, then the first file that sets it. Unlike Next.js, `$VAR` references are not expanded.
import { existsSync } from "node:fs";
import path from "node:path";

export type EnvFileMode = "production" | "development" | "test";

export function envFileMode(nodeEnv: string | undefined): EnvFileMode {
  return nodeEnv === "production" || nodeEnv === "test" ? nodeEnv : "development";
}

/** The files Next.js reads in this mode, the strongest first. */
export function envFileNames(mode: EnvFileMode): string[] {
  return [`.env.${mode}.local`, ...(mode === "test" ? [] : [".env.local"]), `.env.${mode}`, ".env"];
}

/** Loads the mode's files that exist in `dir` into process.env; returns the names loaded. */
export function loadEnvFiles(mode: EnvFileMode, dir: string = process.cwd()): string[] {
  const loaded: string[] = [];
  for (const name of envFileNames(mode)) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    // Never overrides a variable that is already set (including by a stronger file).
    process.loadEnvFile(file);
    loaded.push(name);
  }
  return loaded;
}
