// CX logs and reference data in the built console against the simulator: a date range read in the
// browser's own time zone, the reference lists, an admin creating a channel, and the viewer's view.
// Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../helpers/browser";
import { signInThroughForm } from "../helpers/auth-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import type { RequestLogEntry } from "../../lib/klink/simulator";

type Listing<T> = { total: number; data: T[] };

let stack: ConsoleStack;
beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => {
  await stack?.stop();
});

const url = (path: string) => `${stack.server.url}${path}`;

async function signInInZone(timezoneId: string) {
  const context = await stack.browser.newContext({ timezoneId });
  const page = await context.newPage();
  await signInThroughForm(
    page,
    stack.server.url,
    stack.users.agent.email,
    stack.users.agent.password,
    "/login?callbackUrl=%2Fcx-logs",
  );
  return { context, page };
}

const cxRequests = async () =>
  (await stack.control<{ data: RequestLogEntry[] }>("GET", "requests?endpoint=cxLogs.list")).data;

describe("CX logs", () => {
  it("reads the chosen days in the browser's time zone: the zone goes into the URL and travels to K-LINK as x-client-timezone", async () => {
    const { context, page } = await signInInZone("Asia/Bangkok");
    await page.setViewportSize({ width: 1360, height: 900 });
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone).toBe("Asia/Bangkok");
    await page.waitForURL((u) => u.pathname === "/cx-logs" && u.searchParams.get("tz") === zone);
    const table = page.getByRole("table", { name: "CX logs", exact: true });
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(page.getByRole("columnheader", { name: "Started (Asia/Bangkok)" }).isVisible()).resolves.toBe(true);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());
    const sevenDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    const last = (await cxRequests()).at(-1)!;
    expect(last.headers["x-client-timezone"]).toBe("Asia/Bangkok");
    expect(last.query.selectedDate).toBe(
      `${sevenDaysAgo.replaceAll("-", "/")} 00:00:00-${today.replaceAll("-", "/")} 23:59:59`,
    );
    await screenshot(page, "cx-logs");

    // A chosen range: one K-LINK request for the whole range, paginated by K-LINK.
    await page.getByLabel("From", { exact: true }).fill("2020-01-01");
    await page.getByLabel("To", { exact: true }).fill("2020-01-31");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(
      (u) => u.searchParams.get("from") === "2020-01-01" && u.searchParams.get("to") === "2020-01-31",
    );
    await page.getByRole("heading", { name: "No interactions in this range" }).waitFor();
    expect((await cxRequests()).at(-1)!.query.selectedDate).toBe("2020/01/01 00:00:00-2020/01/31 23:59:59");

    await page.getByRole("link", { name: "Last 30 days" }).click();
    await page.waitForURL((u) => u.searchParams.get("to") === today);
    await table.waitFor();
    const pages = page.getByRole("navigation", { name: "CX log pages" });
    await pages.getByRole("link", { name: "Next" }).click();
    await page.waitForURL((u) => u.searchParams.get("page") === "2");
    await pages.getByText("Page 2 of").waitFor();
    const second = (await cxRequests()).at(-1)!;
    expect(second.query).toMatchObject({
      page: "2",
      selectedDate: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} 00:00:00-/),
    });
    expect(second.headers["x-client-timezone"]).toBe("Asia/Bangkok");

    // A start after the end is refused by the page, before anything reaches K-LINK.
    const before = (await cxRequests()).length;
    await page.goto(url("/cx-logs?from=2026-02-10&to=2026-02-01&tz=Asia/Bangkok"));
    await page.getByText("must not be after the end date").waitFor();
    expect((await cxRequests()).length).toBe(before);
    await context.close();
  });
});

describe("reference data", () => {
  it("lists tags, channels, the category tree and contact groups, each as its own tab", async () => {
    const { context, page } = await stack.signIn("viewer", "/reference");
    await page.setViewportSize({ width: 1360, height: 900 });
    const tags = await stack.klink<Listing<{ name: string }>>("/api/v1/tags?pageSize=25");
    const tagTable = page.getByRole("table", { name: "Tags" });
    await tagTable.waitFor();
    for (const tag of tags.data) await tagTable.getByRole("cell", { name: tag.name, exact: true }).waitFor();
    await screenshot(page, "reference");

    const tabs = page.getByRole("navigation", { name: "Reference lists" });
    await tabs.getByRole("link", { name: "Channels" }).click();
    await page.waitForURL((u) => u.searchParams.get("tab") === "channels");
    const channels = await stack.klink<Listing<{ name: string }>>("/api/v1/channels?pageSize=25");
    for (const channel of channels.data)
      await page
        .getByRole("table", { name: "Channels" })
        .getByRole("cell", { name: channel.name, exact: true })
        .waitFor();
    // Creating channels is for admins.
    await expect(page.getByRole("form", { name: "Create a channel" }).count()).resolves.toBe(0);
    const status = await page.evaluate(() =>
      fetch("/api/klink/v1/channels", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Viewer channel", type: "line" }),
      }).then((r) => r.status),
    );
    expect(status).toBe(403);

    await tabs.getByRole("link", { name: "Categories" }).click();
    const tree = page.getByRole("list", { name: "Ticket categories" });
    await tree.waitFor();
    const categories = await stack.klink<{
      data: { value: string; childCategoryList: { value: string; childCategoryList: { value: string }[] }[] }[];
    }>("/api/v1/categories");
    const nested = categories.data.find((c) => c.childCategoryList.some((child) => child.childCategoryList.length))!;
    const child = nested.childCategoryList.find((c) => c.childCategoryList.length)!;
    // A grandchild sits inside its parent's list, inside the root's card.
    await tree
      .getByRole("listitem")
      .filter({ hasText: nested.value })
      .getByRole("listitem")
      .filter({ hasText: child.value })
      .getByText(child.childCategoryList[0].value)
      .waitFor();
    await screenshot(page, "reference-categories");

    await tabs.getByRole("link", { name: "Contact groups" }).click();
    const groups = await stack.klink<Listing<{ name: string; contactCount: number }>>(
      "/api/v1/contacts/groups?pageSize=25",
    );
    const groupTable = page.getByRole("table", { name: "Contact groups" });
    await groupTable.waitFor();
    for (const group of groups.data) await groupTable.getByRole("cell", { name: group.name, exact: true }).waitFor();
    await context.close();
  });

  it("lets an admin create a channel: a missing name is shown by its field, then the new channel is listed and audited", async () => {
    const { context, page } = await stack.signIn("admin", "/reference?tab=channels");
    const form = page.getByRole("form", { name: "Create a channel" });
    await form.getByLabel("Type").fill("line");
    await form.getByRole("button", { name: "Create channel" }).click();
    await form.getByText("is required").waitFor();
    await expect(form.getByLabel("Type").inputValue()).resolves.toBe("line");

    await form.getByLabel("Name").fill("Klink Chiang Mai LINE");
    await form.getByRole("button", { name: "Create channel" }).click();
    await form.getByText("Channel “Klink Chiang Mai LINE” created.").waitFor();
    await page
      .getByRole("table", { name: "Channels" })
      .getByRole("cell", { name: "Klink Chiang Mai LINE", exact: true })
      .waitFor();
    const channels = await stack.klink<Listing<{ name: string; type: string }>>("/api/v1/channels?pageSize=100");
    expect(channels.data).toContainEqual(expect.objectContaining({ name: "Klink Chiang Mai LINE", type: "line" }));
    expect(await stack.database.auditLog.count({ where: { action: "channel.create", outcome: "success" } })).toBe(1);
    await screenshot(page, "reference-channels");
    await context.close();
  });
});

describe("accessibility", () => {
  it("has no serious violations on the CX logs page and each reference tab", async () => {
    const { context, page } = await stack.signIn("admin", "/cx-logs");
    await page.waitForURL((u) => u.searchParams.has("tz"));
    await page.getByRole("table", { name: "CX logs", exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const tab of ["tags", "channels", "categories", "groups"]) {
      await page.goto(url(`/reference?tab=${tab}`));
      await page.locator("h1").waitFor();
      expect({ tab, violations: await seriousA11yViolations(page) }).toEqual({ tab, violations: [] });
    }
    await context.close();
  });
});
