// npm run bench: every benchmark in turn, against a build of the current sources (it builds when
// .next is missing or older than them, see build-state.ts). A failing benchmark does not stop the
// ones after it; the exit code says whether any failed.
import { spawnSync } from "node:child_process";
import { buildState } from "./build-state";

const BENCHMARKS = [
  "bench:simulator",
  "bench:proxy",
  "bench:webhooks",
  "bench:export",
  "bench:reports",
  "bench:forwarding",
];

const run = (script: string) => spawnSync("npm", ["run", script], { stdio: "inherit" }).status === 0;

const state = buildState();
if (state !== "fresh") {
  console.log(`bench: the build in .next is ${state}; running npm run build first`);
  if (!run("build")) process.exit(1);
}
const failed = BENCHMARKS.filter((script) => !run(script));
if (failed.length) {
  console.error(`bench: ${failed.join(", ")} failed`);
  process.exit(1);
}
