// The agent's workspace in the built console against the simulator (real sockets, real webhooks):
// a shared saved view whose count two users see alike and see change after a webhook; the CSV
// export of all 2 000 tickets from the list's button (progress, download, audit) and its
// cancellation; the command palette driven by the keyboard alone, as a viewer. Axe on each.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

type Listing<T> = { total: number; data: T[] };
type SimTicket = { id: string; title: string; ticketNumber: number; status: string };

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

const viewLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: new RegExp(`^${name}`) });

describe("saved views", () => {
  it("a shared view shows the same count to an agent and a viewer, and both see it change after a webhook", async () => {
    const query = "status=open&priority=high";
    const matching = await stack.klink<Listing<SimTicket>>(`/api/v1/tickets?${query}&pageSize=5`);
    const agent = await stack.signIn("agent", `/tickets?${query}`);
    await agent.page.getByRole("button", { name: "Save view" }).click();
    await agent.page.getByRole("textbox", { name: "View name" }).fill("Hot and open");
    await agent.page.getByRole("checkbox", { name: "Share with everyone" }).check();
    expect(await seriousA11yViolations(agent.page)).toEqual([]);
    await agent.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect
      .poll(() => viewLink(agent.page, "Hot and open").textContent(), { timeout: 10_000 })
      .toContain(String(matching.total));

    const viewer = await stack.signIn("viewer", "/");
    const viewerLink = viewLink(viewer.page, "Hot and open");
    await expect.poll(() => viewerLink.textContent(), { timeout: 10_000 }).toContain(String(matching.total));
    expect(await viewerLink.getAttribute("href")).toBe(`/tickets?${query}`);

    // Changed in K-LINK: its webhook reaches the console, whose live event refreshes both counts.
    await stack.klink(`/api/v1/tickets/${matching.data[0].id}/status`, { method: "PUT", body: { status: "closed" } });
    const fewer = `${matching.total - 1}`;
    await expect.poll(() => viewerLink.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`, ?${fewer}$`));
    await expect
      .poll(() => viewLink(agent.page, "Hot and open").textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`, ?${fewer}$`));

    await viewerLink.click();
    await viewer.page.waitForURL((u) => u.searchParams.get("status") === "open");
    expect(await viewLink(viewer.page, "Hot and open").getAttribute("aria-current")).toBe("page");
    expect(await seriousA11yViolations(viewer.page)).toEqual([]);
    await screenshot(viewer.page, "saved-view-shared");
    await agent.context.close();
    await viewer.context.close();
  });
});

describe("CSV export", () => {
  it("downloads every one of the 2 000 tickets with custom-field columns, shows progress, and is audited", async () => {
    const { context, page } = await stack.signIn("agent", "/tickets");
    const download = page.waitForEvent("download", { timeout: 30_000 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const text = readFileSync(file, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows).toHaveLength(2000);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["Tracking ID", "Product", "Incident date"]));
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Exported" }).textContent())
      .toBe("Exported 2,000 rows.");
    expect(await seriousA11yViolations(page)).toEqual([]);
    const audit = await stack.database.auditLog.findFirstOrThrow({
      where: { action: "tickets.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ outcome: "success", actorEmail: stack.users.agent.email });
    expect(audit.details).toMatchObject({ rows: 2000, filter: {} });
    await context.close();
  });

  it("can be cancelled while it runs, and the cancellation is audited", async () => {
    const { context, page } = await stack.signIn("admin", "/tickets?status=closed");
    await stack.control("POST", "faults", { pathPattern: "/api/v1/tickets", method: "GET", latencyMs: 1500, count: 8 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    // Cancelled once rows are arriving: the answer has begun and K-LINK is still being read.
    await expect
      .poll(
        () =>
          page
            .getByRole("status")
            .filter({ hasText: / of [\d,]+ rows/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.getByRole("button", { name: "Cancel export" }).click();
    await expect.poll(() => page.getByText("Export cancelled.").count(), { timeout: 5_000 }).toBe(1);
    await expect
      .poll(
        async () =>
          (
            await stack.database.auditLog.findFirst({
              where: { action: "tickets.export", actorEmail: stack.users.admin.email },
              orderBy: { createdAt: "desc" },
            })
          )?.details,
        { timeout: 10_000 },
      )
      .toMatchObject({ status: "cancelled", filter: { status: "closed" } });
    await stack.control("DELETE", "faults");
    await context.close();
  });
});

describe("command palette", () => {
  it("finds a ticket by its number with the keyboard alone, announces results, and offers viewers no write actions", async () => {
    const [ticket] = (await stack.klink<Listing<SimTicket>>("/api/v1/tickets?keyword=38012&pageSize=1")).data;
    const { context, page } = await stack.signIn("viewer", "/");
    await page.keyboard.press("Control+k");
    const box = page.getByRole("combobox", { name: /Jump to/ });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);

    await box.fill("new");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "result" }).textContent()).toMatch(/result/);
    expect(await page.getByRole("option", { name: /New ticket/ }).count()).toBe(0);

    await box.fill("#38012");
    const option = page.getByRole("option", { name: new RegExp(`#38012 `) });
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
    expect(await option.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "command-palette");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `/tickets/${ticket.id}`);

    // The ticket just opened is a recent item the next time.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("klink-console:recent") ?? ""), { timeout: 5_000 })
      .toContain(ticket.id);
    await page.keyboard.press("Control+k");
    await expect
      .poll(() => page.getByRole("group", { name: "Recent" }).getByRole("option").count(), { timeout: 5_000 })
      .toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await context.close();
  });
});
