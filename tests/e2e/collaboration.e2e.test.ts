// Working together, in real Chromium: two staff in two browsers on two console instances (one
// database, one Redis) see each other on a ticket; a shared canned reply with {{contact.name}}
// sends the contact's name; a reply after the other's is warned about first, showing what
// changed; following the ticket and having the simulator send an event about it shows a
// notification within 2 s; leaving the page removes the presence. Needs `npm run build` and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousA11yViolations } from "../helpers/axe";
import { signInThroughForm } from "../helpers/auth-browser";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import { startConsole, type ConsoleServer } from "../../scripts/console-process";

// CI sets TEST_REDIS_URL; locally the machine's Redis, as the event bus tests do.
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379/15";

let stack: ConsoleStack;
let second: ConsoleServer;

beforeAll(async () => {
  stack = await startConsoleStack({ env: { REDIS_URL } });
  // The second instance: the same database and key, its own process, Redis between the two.
  second = await startConsole(
    { DATABASE_URL: stack.server.databaseUrl, APP_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString("base64"), REDIS_URL },
    { migrate: false },
  );
});
afterAll(async () => {
  await second?.stop();
  await stack?.stop();
});

type SimTicket = { id: string; ticketNumber: number; title: string; contactId: string; contact?: { name?: string } };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("two staff on one ticket", () => {
  it(
    "see each other across instances, share a canned reply, are warned before a colliding reply, and are notified",
    {
      timeout: 90_000,
    },
    async () => {
      const ticket = (await stack.klink<{ data: SimTicket[] }>("/api/v1/tickets?pageSize=1")).data[0];
      const contact = await stack.klink<{ data: { name: string } }>(`/api/v1/contacts/${ticket.contactId}`);
      const contactName = contact.data.name;

      // The admin adds a shared canned reply; an unknown variable is an error while typing.
      const { page: admin } = await stack.signIn("admin", "/canned-replies");
      admin.setDefaultTimeout(10_000);
      await admin.getByRole("heading", { name: "Canned replies", level: 1 }).waitFor();
      await admin.getByLabel("Name").last().fill("Greeting");
      const text = admin.getByLabel("Text").last();
      await text.fill("Hello {{contact.nickname}}");
      await expect.poll(() => admin.getByText("Unknown variable {{contact.nickname}}").count()).toBeGreaterThan(0);
      await text.fill("Hello {{contact.name}}, this is {{agent.name}}.");
      await admin.getByLabel("Shared with everyone").check();
      await admin.getByRole("button", { name: "Add canned reply" }).click();
      await admin.getByRole("heading", { name: "Greeting", level: 3 }).waitFor();
      await expectAccessible(admin);

      // The agent on the first instance, the admin on the second, on the same ticket.
      const { page: agent } = await stack.signIn("agent", `/tickets/${ticket.id}`);
      agent.setDefaultTimeout(10_000);
      const adminContext = await stack.browser.newContext();
      const other = await adminContext.newPage();
      other.setDefaultTimeout(10_000);
      await signInThroughForm(
        other,
        second.url,
        stack.users.admin.email,
        stack.users.admin.password,
        `/login?callbackUrl=${encodeURIComponent(`/tickets/${ticket.id}`)}`,
      );
      const agentPresence = agent.getByTestId("presence");
      const adminPresence = other.getByTestId("presence");
      await expect.poll(() => agentPresence.textContent(), { timeout: 10_000 }).toContain("Demo Admin viewing");
      await expect.poll(() => adminPresence.textContent(), { timeout: 10_000 }).toContain("Demo Agent viewing");

      // The admin starts a reply: the agent sees it.
      const adminMessage = other.getByLabel(/^Message to /);
      await adminMessage.fill("We have replaced the part.");
      await expect.poll(() => agentPresence.textContent(), { timeout: 10_000 }).toContain("Demo Admin is replying…");

      // The agent picks the canned reply by typing "/": previewed filled, inserted, editable.
      const agentMessage = agent.getByLabel(/^Message to /);
      await agentMessage.fill("/gre");
      const option = agent.getByRole("button", {
        name: new RegExp(`Greeting.*Hello ${escapeRegExp(contactName)}, this is Demo Agent\\.`),
      });
      await option.waitFor();
      await expectAccessible(agent);
      await agentMessage.press("Enter");
      await expect.poll(() => agentMessage.inputValue()).toBe(`Hello ${contactName}, this is Demo Agent.`);
      await agentMessage.press("End");
      await agentMessage.pressSequentially(" All fixed now.");

      // The admin sends first; the agent is warned and shown what changed before sending.
      await other.getByRole("button", { name: "Send message" }).click();
      await other.getByText(/^Sent .*We have replaced the part\./).waitFor();
      await agent.getByRole("button", { name: "Send message" }).click();
      const warning = agent.getByTestId("collision-warning");
      await warning.waitFor();
      expect(await warning.textContent()).toContain("Demo Admin sent a message: “We have replaced the part.”");
      await expectAccessible(agent);
      await agent.getByRole("button", { name: "Send anyway" }).click();
      await agent.getByText(/^Sent .*All fixed now\./).waitFor();
      const sent = await stack.database.auditLog.findFirstOrThrow({
        where: { action: "message.send", actorEmail: stack.users.agent.email, outcome: "success" },
        orderBy: { createdAt: "desc" },
      });
      expect((sent.details as { body: { message: string } }).body.message).toBe(
        `Hello ${contactName}, this is Demo Agent. All fixed now.`,
      );

      // Following the ticket: the simulator's event about it reaches the bell within 2 s.
      await agent.getByTestId("follow-button").click();
      await expect.poll(() => agent.getByTestId("follow-button").getAttribute("aria-pressed")).toBe("true");
      const emitted = Date.now();
      await stack.control("POST", "webhooks/emit", { event: "ticket.update", data: { ...ticket, status: "closed" } });
      await agent.getByTestId("notification-count").waitFor({ timeout: 2_000 });
      expect(Date.now() - emitted).toBeLessThan(2_000);
      expect(await agent.title()).toMatch(/^\(1\) /);
      await agent.getByTestId("notification-bell").click();
      await agent
        .locator("#notification-panel")
        .getByRole("link", { name: /: updated/ })
        .waitFor();
      await expectAccessible(agent);
      await agent.keyboard.press("Escape");

      // The admin leaves the ticket: the agent stops seeing them within seconds.
      await other.getByRole("link", { name: "Tickets", exact: true }).first().click();
      await other.waitForURL((url) => url.pathname === "/tickets");
      await expect
        .poll(() => agentPresence.textContent(), { timeout: 5_000 })
        .toContain("Nobody else is on this page.");
      await adminContext.close();
    },
  );
});
