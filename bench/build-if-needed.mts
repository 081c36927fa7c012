// Runs `npm run build` when `.next` is missing or older than the sources (see build-state.ts),
// so that `npm run bench` measures the code as it is.
import { spawnSync } from "node:child_process";
import { buildState } from "./build-state";

const state = buildState();
if (state === "fresh") {
  console.log("bench: the build in .next is up to date");
} else {
  console.log(`bench: the build in .next is ${state}; running npm run build`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
