import { describe, expect, it } from "vitest";
import { cachedSettingsLoader } from "../../../lib/webhooks/cached-settings-loader";
import type { WebhookSettings } from "../../../lib/webhooks/webhook-settings";

const settings = (connectionId: string, secret: string): WebhookSettings => ({ connectionId, mode: "hmac", secrets: [secret] });

/** Calls `read` every few ms until `done` holds for its result (at most 2 s). */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 2000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
    value = await read();
  }
  return value;
}

describe("cached webhook settings", () => {
  it("loads a connection's settings once for a burst of concurrent deliveries", async () => {
    let loads = 0;
    const load = cachedSettingsLoader(async (id) => (loads++, settings(id, "s1")));
    const results = await Promise.all(Array.from({ length: 50 }, () => load("conn-1")));
    expect(loads).toBe(1);
    expect(results.every((r) => r?.secrets[0] === "s1")).toBe(true);
  });

  it("keeps serving the cached secret, then picks up a changed one once the entry expires", async () => {
    let secret = "old";
    const load = cachedSettingsLoader(async (id) => settings(id, secret), { ttlMs: 50 });
    expect((await load("conn-1"))?.secrets).toEqual(["old"]);
    secret = "new";
    expect((await load("conn-1"))?.secrets).toEqual(["old"]);
    expect((await pollUntil(() => load("conn-1"), (s) => s?.secrets[0] === "new"))?.secrets).toEqual(["new"]);
  });

  it("remembers an unknown connection only briefly", async () => {
    let exists = false;
    const load = cachedSettingsLoader(async (id) => (exists ? settings(id, "s") : null), { ttlMs: 60_000, unknownTtlMs: 20 });
    expect(await load("new-conn")).toBeNull();
    exists = true;
    expect((await pollUntil(() => load("new-conn"), (s) => s !== null))?.connectionId).toBe("new-conn");
  });

  it("keeps a bounded number of connection ids", async () => {
    let loads = 0;
    const load = cachedSettingsLoader(async () => (loads++, null), { unknownTtlMs: 60_000, max: 3 });
    for (const id of ["a", "b", "c", "d"]) await load(id);
    await load("a"); // pushed out by the three newer ids: loaded again
    expect(loads).toBe(5);
  });
});
