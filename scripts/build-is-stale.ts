// Whether `next build` must run again: no build yet, or a source file newer than the build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "lib", "components", "public"];
const SOURCE_FILES = ["next.config.mjs", "package.json", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts"];

export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const stat = statSync(p);
    if (stat.isDirectory()) return readdirSync(p).some((name) => name !== "generated" && newer(path.join(p, name)));
    return stat.mtimeMs > builtAt;
  };
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newer(path.join(root, p)));
}
