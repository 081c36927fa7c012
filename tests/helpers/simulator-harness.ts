// Starts a simulator on a free loopback port and talks to its control API, for the K-LINK tests.
import { startSimulator, type RunningSimulator } from "../../lib/klink/simulator";
import { createKlinkClient, type KlinkClient } from "../../lib/klink/client";

export const TOKEN = "kpt_testtoken0123456789";
/** Fixed, so seed data (and the CX log ranges below) never depend on the day the tests run. */
export const REFERENCE_TIME = "2026-01-31T00:00:00.000Z";

export type Harness = {
  sim: RunningSimulator;
  client: KlinkClient;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
};

export async function startHarness(
  options: { seed?: number; webhookTargets?: { url: string; secret: string }[] } = {},
): Promise<Harness> {
  const sim = await startSimulator({ tokens: [TOKEN], referenceTime: REFERENCE_TIME, ...options });
  const client = createKlinkClient({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5000 });
  return {
    sim,
    client,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${sim.url}/__sim/${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`control ${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    stop: () => sim.stop(),
  };
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
