// The K-LINK simulator in a process of its own (`npm run simulator`), as K-LINK is a service of
// its own: a direct call to it then crosses a process boundary just as the console's call does,
// and it does not share an event loop with the load generator. And, for bench:proxy, a plain
// proxy in front of it in a process of its own too (bench/plain-proxy.mjs).
import { spawn } from "node:child_process";
import { freePort, stopChild, waitFor } from "../scripts/console-process";

export type SimulatorProcess = { url: string; stop: () => Promise<void> };

export async function startSimulatorProcess(token: string): Promise<SimulatorProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/simulator.mts", "--port", String(port), "--token", token],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const errors: string[] = [];
  child.stderr!.on("data", (d) => errors.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/__sim/info`)).ok,
    30_000,
    () => errors.join(""),
  );
  return {
    url,
    stop: () => stopChild(child),
  };
}

/** bench/plain-proxy.mjs in a process of its own, in front of the simulator at `upstreamUrl`. */
export async function startPlainProxyProcess(upstreamUrl: string, token: string): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ["bench/plain-proxy.mjs", upstreamUrl, token], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d) => resolve(String(d).trim()));
    child.once("exit", (code) => reject(new Error(`bench/plain-proxy.mjs exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
