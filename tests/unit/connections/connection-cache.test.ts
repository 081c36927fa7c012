import { describe, expect, it } from "vitest";
import { cachedConnectionValue, forgetCachedConnections } from "../../../lib/connections/connection-cache";

describe("the connection cache", () => {
  it("keeps a loaded value, and forgets everything on a change", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedConnectionValue("k-keep", load)).toBe(1);
    expect(await cachedConnectionValue("k-keep", load)).toBe(1);
    forgetCachedConnections();
    expect(await cachedConnectionValue("k-keep", load)).toBe(2);
  });

  it("does not keep a value whose load began before a change (it may hold the old row)", async () => {
    let release!: (value: string) => void;
    const slow = cachedConnectionValue("k-race", () => new Promise<string>((resolve) => (release = resolve)));
    forgetCachedConnections();
    release("old secret");
    expect(await slow).toBe("old secret");
    expect(await cachedConnectionValue("k-race", async () => "new secret")).toBe("new secret");
  });
});
