// Whether `.next` holds a production build of the current sources. Benchmarks run the built
// console, so a build older than the code would measure code that is no longer there.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = path.join(".next", "BUILD_ID");
// What `next build` compiles; tests, benchmarks and scripts run from source.
const SOURCES = [
  "app",
  "lib",
  "components",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.mjs",
  "package.json",
  "tsconfig.json",
];
const SKIPPED = new Set(["generated", "node_modules"]);

export type BuildState = "missing" | "stale" | "fresh";

export function buildState(): BuildState {
  if (!existsSync(BUILD_ID)) return "missing";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((source) => newerThan(source, builtAt)) ? "stale" : "fresh";
}

function newerThan(file: string, builtAt: number): boolean {
  if (!existsSync(file)) return false;
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs > builtAt;
  return readdirSync(file).some((name) => !SKIPPED.has(name) && newerThan(path.join(file, name), builtAt));
}

/** A benchmark's first step: stop without a build, warn about an old one. */
export function requireBuild(benchmark: string): void {
  const state = buildState();
  if (state === "missing") {
    console.error(`${benchmark}: no build in .next — run \`npm run build\` first.`);
    process.exit(1);
  }
  if (state === "stale")
    console.warn(`${benchmark}: .next is older than the sources; this measures the last build (npm run build).`);
}
