// The Reports page in Chromium against the built console and the simulator: a lead opens
// "last 30 days" in the browser's own zone and sees volume, SLA, speed and breakdowns whose
// interaction count is what K-LINK holds for those days; opening it again makes no K-LINK call
// for the finished days; an agent's row opens that agent's CX logs; every table has its CSV; axe
// finds nothing serious. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/axe";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Listing = { cxLogs: { total: number | string } };
type Logged = { data: { query: Record<string, string> }[] };

/** How many CX logs K-LINK holds for whole days from → to in a zone, asked directly. */
async function klinkTotal(from: string, to: string, zone: string): Promise<number> {
  const selectedDate = `${from.replaceAll("-", "/")} 00:00:00-${to.replaceAll("-", "/")} 23:59:59`;
  const res = await fetch(`${stack.sim.url}/api/v1/cx-logs?${new URLSearchParams({ selectedDate, pageSize: "1" })}`, {
    headers: { authorization: `Bearer ${stack.token}`, "x-client-timezone": zone },
  });
  return Number(((await res.json()) as Listing).cxLogs.total);
}

describe("reports", () => {
  it("shows the last 30 days in the browser's zone, again without K-LINK for finished days, and drills into an agent's CX logs", async () => {
    const { context, page } = await stack.signIn("viewer", "/reports");
    // The browser's zone is added to the URL.
    await page.waitForURL(/\/reports\?.*tz=/);
    await page.getByRole("link", { name: "Last 30 days" }).click();
    await page.waitForURL(/preset=last30/);
    const url = new URL(page.url());
    const zone = url.searchParams.get("tz")!;

    const headlines = page.getByRole("list", { name: "Headline numbers" });
    await headlines.waitFor({ timeout: 60_000 });
    const description = (await page.locator("h1 + p").textContent()) ?? "";
    const [, from, to] = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(description)!;
    const expected = await klinkTotal(from, to, zone);
    expect(expected).toBeGreaterThan(2_000);
    await expect(headlines.getByRole("listitem").first().locator("strong").textContent()).resolves.toBe(
      expected.toLocaleString("en"),
    );
    for (const table of ["Volume", "SLA per day", "Speed per day", "Interactions by agent", "Interactions by queue"])
      await page.getByRole("table", { name: table }).waitFor();
    const csvLinks = await page
      .getByRole("link", { name: /as CSV$/ })
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get("table")));
    expect(new Set(csvLinks)).toEqual(
      new Set(["comparison", "volume", "sla", "speed", "channel", "queue", "agent", "disposition"]),
    );
    const csv = await page.request.get(
      new URL(`/api/reports/csv?table=volume&from=${from}&to=${to}&tz=${encodeURIComponent(zone)}`, page.url()).href,
    );
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Again: only today (not over yet) may be asked of K-LINK.
    await stack.control("DELETE", "requests");
    await page.reload();
    await headlines.waitFor();
    const today = to.replaceAll("-", "/");
    const asked = (await stack.control<Logged>("GET", "requests?endpoint=cxLogs.list")).data;
    expect(asked.filter((r) => !r.query.selectedDate.startsWith(today))).toEqual([]);

    // The busiest agent's row opens that agent's CX logs.
    const agents = page.getByRole("table", { name: "Interactions by agent" });
    const firstAgent = agents.getByRole("row").nth(1);
    const name = (await firstAgent.getByRole("link").textContent())!;
    const count = (await firstAgent.getByRole("cell").nth(1).textContent())!;
    await firstAgent.getByRole("link").click();
    await page.waitForURL(/\/cx-logs\?.*by=agent/);
    await page.getByRole("heading", { level: 1, name: new RegExp(`agent ${name}`) }).waitFor({ timeout: 60_000 });
    await page.getByText(`${count} interactions`).waitFor();
    const agentCells = await page
      .getByRole("table", { name: new RegExp(`CX logs of agent`) })
      .locator("tbody tr td:nth-child(5)")
      .allTextContents();
    expect(agentCells.length).toBeGreaterThan(0);
    expect(new Set(agentCells)).toEqual(new Set([name]));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
    // A cold 60-day read (the range and its comparison period) on a busy shared machine.
  }, 120_000);
});
