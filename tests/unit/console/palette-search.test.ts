// The palette's searches: answers arriving out of order never overwrite a newer query's results.
import { describe, expect, it } from "vitest";
import { createPaletteSearch, matches, type PaletteItem, type SearchState } from "../../../lib/console/palette-search";

type Pending = { source: string; query: string; signal: AbortSignal; resolve: (items: PaletteItem[]) => void };

function harness() {
  const calls: Pending[] = [];
  const states: SearchState[] = [];
  const search = createPaletteSearch(
    (source, query, signal) => new Promise((resolve) => calls.push({ source, query, signal, resolve })),
    (state) => states.push(state),
  );
  const item = (label: string): PaletteItem => ({ id: label, group: "Tickets", label });
  return { calls, states, search, item, last: () => states.at(-1)! };
}

describe("palette search", () => {
  it("drops a slow answer to an older query that arrives after the newer one's", async () => {
    const { calls, search, item, last } = harness();
    const first = search.run("ket", ["Tickets"]);
    const second = search.run("kettle", ["Tickets"]);
    expect(calls.map((c) => c.query)).toEqual(["ket", "kettle"]);
    expect(calls[0].signal.aborted).toBe(true);

    calls[1].resolve([item("Kettle leaks")]);
    await second;
    calls[0].resolve([item("Ketchup order"), item("Kettle leaks")]);
    await first;
    expect(last()).toMatchObject({ query: "kettle", results: { Tickets: [{ label: "Kettle leaks" }] }, pending: [] });
  });

  it("shows each source's answer as it comes, and says which are still pending or failed", async () => {
    const { calls, search, item, last } = harness();
    const run = search.run("somchai", ["Tickets", "Contacts"]);
    expect(last().pending).toEqual(["Tickets", "Contacts"]);
    calls.find((c) => c.source === "Contacts")!.resolve([item("Somchai P.")]);
    await Promise.resolve();
    await Promise.resolve();
    expect(last()).toMatchObject({ results: { Contacts: [{ label: "Somchai P." }] }, pending: ["Tickets"] });
    calls.find((c) => c.source === "Tickets")!.resolve(Promise.reject(new Error("502")) as never);
    await run;
    expect(last()).toMatchObject({ pending: [], failed: ["Tickets"] });
  });

  it("asks nothing for a blank query and forgets earlier results", async () => {
    const { calls, search, last } = harness();
    void search.run("abc", ["Tickets"]);
    await search.run("  ", ["Tickets"]);
    expect(calls).toHaveLength(1);
    expect(last()).toMatchObject({ query: "  ", results: {}, pending: [] });
  });

  it("matches the palette's own items ignoring case and accents", () => {
    expect(matches("crEme", "Crème brûlée")).toBe(true);
    expect(matches("ticket", "Contacts")).toBe(false);
    expect(matches("", "anything")).toBe(true);
  });
});
