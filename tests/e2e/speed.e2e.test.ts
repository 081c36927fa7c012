// The fast paths of issue 18 in real Chromium against the built console (`npm start`'s server):
// the browser's own proxy reads answered in front of Next.js with the session cookie, and a
// ticket opened by its number. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
});
afterAll(async () => stack?.stop());

type Listing = { data: { id: string; ticketNumber: number; title: string }[] };

describe("speed paths in the running console", () => {
  it("answers the signed-in browser's proxy reads in front of Next.js: the same JSON as K-LINK, request id, cache state", async () => {
    expect(stack.server.logs.join("")).toContain("K-LINK proxy reads answered in front of Next.js");
    const { context, page } = await stack.signIn("viewer", "/tickets");
    const read = () =>
      page.evaluate(async () => {
        const res = await fetch("/api/klink/v1/tickets?page=3&pageSize=7");
        return {
          status: res.status,
          json: (await res.json()) as unknown,
          requestId: res.headers.get("x-request-id"),
          cache: res.headers.get("x-cache"),
          policy: res.headers.get("content-security-policy"),
        };
      });
    const first = await read();
    const second = await read();
    expect(first).toMatchObject({ status: 200, cache: "MISS", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(second).toMatchObject({ status: 200, cache: "HIT" });
    expect(first.policy).toContain("default-src 'none'");
    expect(second.json).toEqual(await stack.klink("/api/v1/tickets?page=3&pageSize=7"));
    // A write from the page still goes through Next.js and its same-origin check: a viewer is refused.
    const write = await page.evaluate(async () => {
      const res = await fetch("/api/klink/v1/tickets", { method: "POST", body: "{}" });
      return res.status;
    });
    expect(write).toBe(403);
    await context.close();
  });

  it("opens a ticket by its number at /tickets/<number>, and says so when no ticket has it", async () => {
    const wanted = (await stack.klink<Listing>("/api/v1/tickets?page=7&pageSize=100")).data[50];
    const { context, page } = await stack.signIn("viewer", `/tickets/${wanted.ticketNumber}`);
    await page.waitForURL((u) => u.pathname === `/tickets/${wanted.id}`);
    await page.getByRole("heading", { name: wanted.title || "(no title)", level: 1 }).waitFor();
    expect(await page.getByText(`Ticket #${wanted.ticketNumber}`).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "ticket-by-number");

    await page.goto(`${stack.server.url}/tickets/4242424`);
    await page.getByRole("heading", { name: "Ticket not found", level: 1 }).waitFor();
    expect(await page.getByTestId("ticket-not-found").textContent()).toContain("no ticket #4242424");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
