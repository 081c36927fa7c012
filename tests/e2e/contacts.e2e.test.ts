// Contact journeys in the built console against the simulator (real sockets, real webhooks):
// search (Thai and Burmese names), social id look-up, tags, create, delete, live updates, the
// viewer's view, and keyboard operation of the list. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signInThroughForm } from "../helpers/auth-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import { customFieldMap } from "../../lib/console/normalize/custom-fields";

type SimContact = {
  id: string;
  name: string;
  tags: { id: string; name: string }[];
  platformContacts: { socialPlatformId: string }[];
};
type Listing<T> = { total: number; data: T[] };

let stack: ConsoleStack;
let contacts: SimContact[];

const THAI = /[\u0E00-\u0E7F]/;
const BURMESE = /[\u1000-\u109F]/;

beforeAll(async () => {
  stack = await startConsoleStack();
  contacts = (await stack.klink<Listing<SimContact>>("/api/v1/contacts?pageSize=100")).data;
});
afterAll(async () => {
  await stack?.stop();
});

const url = (path: string) => `${stack.server.url}${path}`;
const ticketsOf = (id: string) =>
  stack.klink<Listing<{ id: string; title: string }>>(`/api/v1/tickets/contact/${id}?pageSize=10`);
const contactsTable = (page: Page) => page.getByRole("table", { name: "Contacts", exact: true });

async function search(page: Page, keyword: string) {
  await page.getByRole("searchbox", { name: "Search" }).fill(keyword);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await page.waitForURL((u) => u.searchParams.get("keyword") === keyword);
}

/** A contact whose name is in `script`, has tickets, and was not used by another journey. */
async function contactWith(
  script: RegExp,
  used: Set<string>,
): Promise<SimContact & { tickets: Listing<{ id: string; title: string }> }> {
  for (const contact of contacts) {
    if (!script.test(contact.name) || used.has(contact.id)) continue;
    const tickets = await ticketsOf(contact.id);
    if (tickets.total > 0) {
      used.add(contact.id);
      return { ...contact, tickets };
    }
  }
  throw new Error(`no seeded contact named in ${script} has tickets`);
}

const used = new Set<string>();

describe("contacts in the browser", () => {
  it("finds contacts by a Thai and by a Burmese name (soft navigation), opens one, lists its tickets and opens one of them", async () => {
    const { context, page } = await stack.signIn("agent", "/contacts");
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const burmese = await contactWith(BURMESE, used);
    await search(page, burmese.name.split(/\s+/)[0]);
    await contactsTable(page).getByRole("link", { name: burmese.name, exact: true }).waitFor();

    const thai = await contactWith(THAI, used);
    const keyword = thai.name.split(/\s+/)[0];
    await search(page, keyword);
    const link = contactsTable(page).getByRole("link", { name: thai.name, exact: true });
    await link.waitFor();
    // Searching changed the URL without reloading the document.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, "contacts-search-thai");

    await link.click();
    await page.waitForURL(url(`/contacts/${thai.id}`));
    await page.getByRole("heading", { level: 1, name: thai.name }).waitFor();
    const table = page.getByRole("table", { name: "Tickets of this contact" });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(thai.tickets.data.length + 1);
    const first = thai.tickets.data[0];
    await expect(table.getByRole("link", { name: first.title, exact: true }).getAttribute("href")).resolves.toBe(
      `/tickets/${first.id}`,
    );
    await expect(page.getByRole("heading", { name: `Tickets (${thai.tickets.total})` }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, "contact-detail");

    await table.getByRole("link", { name: first.title, exact: true }).click();
    await page.waitForURL(url(`/tickets/${first.id}`));
    await page.getByRole("heading", { level: 1, name: first.title }).waitFor();
    await context.close();
  });

  it("looks a contact up by social platform id, and says so when no contact has the id", async () => {
    const { context, page } = await stack.signIn("viewer", "/contacts");
    const owner = contacts.find((c) => !used.has(c.id) && c.platformContacts.length > 0)!;
    const lookup = page.getByRole("form", { name: "Look up a contact by social platform id" });
    await lookup.getByLabel("Social platform id").fill(owner.platformContacts[0].socialPlatformId);
    await lookup.getByRole("button", { name: "Look up" }).click();
    await page.waitForURL(url(`/contacts/${owner.id}`));
    await page.getByRole("heading", { level: 1, name: owner.name }).waitFor();

    await page.goto(url("/contacts"));
    await lookup.getByLabel("Social platform id").fill("PSID-does-not-exist");
    await lookup.getByRole("button", { name: "Look up" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "No contact has the social platform id “PSID-does-not-exist”." })
      .waitFor();
    await context.close();
  });

  it("adds tags (MERGE) and removes one (REMOVE) on a contact, shown at once and kept in K-LINK", async () => {
    const contact = contacts.find((c) => !used.has(c.id) && c.tags.length > 0)!;
    used.add(contact.id);
    const { context, page } = await stack.signIn("agent", `/contacts/${contact.id}`);
    const tags = page.getByRole("list", { name: "Tags of this contact" });
    await page.getByLabel("Add tags").fill("e2e-callback, ลูกค้าใหม่");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByText("Added “e2e-callback”, “ลูกค้าใหม่”.").waitFor();
    await tags.getByText("e2e-callback").waitFor();
    let inKlink = await stack.klink<{ data: SimContact }>(`/api/v1/contacts/${contact.id}`);
    expect(inKlink.data.tags.map((t) => t.name)).toEqual(
      expect.arrayContaining([contact.tags[0].name, "e2e-callback", "ลูกค้าใหม่"]),
    );

    const removed = contact.tags[0].name;
    await page.getByRole("button", { name: `Remove tag ${removed}` }).click();
    await page.getByText(`Removed “${removed}”.`).waitFor();
    inKlink = await stack.klink<{ data: SimContact }>(`/api/v1/contacts/${contact.id}`);
    expect(inKlink.data.tags.map((t) => t.name)).not.toContain(removed);
    expect(inKlink.data.tags.map((t) => t.name)).toContain("e2e-callback");

    await page.reload();
    await tags.getByText("e2e-callback").waitFor();
    await expect(tags.getByText(removed, { exact: true }).count()).resolves.toBe(0);
    const audited = await stack.database.auditLog.count({
      where: { action: "contact.update_tags", targetId: contact.id, outcome: "success" },
    });
    expect(audited).toBe(2);
    await context.close();
  });

  it("creates a contact: shows the field error first and keeps what was typed, then opens the new contact", async () => {
    const { context, page } = await stack.signIn("agent", "/contacts/new");
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.getByLabel("Name").fill("มาลี ทดสอบ E2E");
    await page.getByLabel("E-mail address 1 (primary)").fill("not-an-email");
    await page.getByLabel("Phone number 1 (primary)").fill("+66812345678");
    await page.getByLabel("Membership").selectOption("gold");
    await page.getByLabel("Birthday").fill("1990-04-13");
    await page.getByRole("button", { name: "Create contact" }).click();

    const emailError = page.locator("#contact-emails-0-error");
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain("must be an e-mail address");
    await expect(page.getByLabel("E-mail address 1 (primary)").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Name").inputValue()).resolves.toBe("มาลี ทดสอบ E2E");
    await expect(page.getByLabel("Membership").inputValue()).resolves.toBe("gold");
    await page.getByRole("alert").filter({ hasText: "The contact was not created." }).waitFor();
    await screenshot(page, "contact-new");

    await page.getByLabel("E-mail address 1 (primary)").fill("malee.e2e@example.co.th");
    await page.getByRole("button", { name: "Create contact" }).click();
    await page.waitForURL((u) => /^\/contacts\/[^/]+$/.test(u.pathname) && u.pathname !== "/contacts/new");
    await page.getByRole("heading", { level: 1, name: "มาลี ทดสอบ E2E" }).waitFor();
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const created = await stack.klink<{
      data: SimContact & { customFields: unknown; contactEmails: { email: string }[] };
    }>(`/api/v1/contacts/${id}`);
    expect(customFieldMap(created.data.customFields)).toEqual({ cf_membership: "gold", cf_birthday: "1990-04-13" });
    expect(created.data.contactEmails.map((e) => e.email)).toEqual(["malee.e2e@example.co.th"]);
    await page.getByText("Gold", { exact: true }).waitFor();
    await context.close();
  });

  it("edits a contact (only what changed is sent) and sends the contact a message", async () => {
    const contact = contacts.find((c) => !used.has(c.id))!;
    used.add(contact.id);
    const { context, page } = await stack.signIn("agent", `/contacts/${contact.id}`);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.waitForURL(url(`/contacts/${contact.id}/edit`));
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Nothing to save: no field was changed.").waitFor();
    await page.getByLabel("Address", { exact: true }).fill("12 Orchard Rd, Singapore");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(url(`/contacts/${contact.id}`));
    await page.getByText("12 Orchard Rd, Singapore").waitFor();
    const audit = await stack.database.auditLog.findFirstOrThrow({
      where: { action: "contact.update", targetId: contact.id },
    });
    expect(audit.details).toMatchObject({ body: { address: "12 Orchard Rd, Singapore" } });
    expect(Object.keys((audit.details as { body: object }).body)).toEqual(["address"]);

    await page.getByLabel("Message", { exact: true }).fill("สวัสดีค่ะ your refund is on its way");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByText(/^Sent \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: “สวัสดีค่ะ your refund is on its way”$/).waitFor();
    await expect(page.getByLabel("Message", { exact: true }).inputValue()).resolves.toBe("");
    const deliveries = await stack.control<{ data: { event: string; body: string }[] }>("GET", "webhooks/deliveries");
    expect(deliveries.data.some((d) => d.event === "message.outbound" && d.body.includes(contact.id))).toBe(true);
    await context.close();
  });

  it("deletes a contact as an admin after the confirmation dialog; the list says so and the audit log has the contact.delete row", async () => {
    const contact = contacts.find((c) => !used.has(c.id))!;
    used.add(contact.id);
    const { context, page } = await stack.signIn("admin", `/contacts/${contact.id}`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${contact.name}?` });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Delete contact" }).click();
    await page.waitForURL((u) => u.pathname === "/contacts" && u.searchParams.get("deleted") === contact.name);
    await page.getByText(`Contact “${contact.name}” was deleted.`).waitFor();
    const gone = await fetch(`${stack.sim.url}/api/v1/contacts/${contact.id}`, {
      headers: { authorization: `Bearer ${stack.token}` },
    });
    expect(gone.status).toBe(404);

    const row = await stack.database.auditLog.findFirst({ where: { action: "contact.delete", targetId: contact.id } });
    expect(row).toMatchObject({ outcome: "success", actorEmail: stack.users.admin.email, method: "DELETE" });
    await page.goto(url(`/admin/audit?action=contact.delete`));
    await page.getByText(contact.id).first().waitFor();
    await context.close();
  });

  it("shows a change made in K-LINK on the open contact page within about 2 s, without a reload", async () => {
    const contact = contacts.find((c) => !used.has(c.id))!;
    used.add(contact.id);
    // Signed in straight onto the contact page, so the first live event stream is this page's.
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const listening = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
    await signInThroughForm(
      page,
      stack.server.url,
      stack.users.viewer.email,
      stack.users.viewer.password,
      `/login?callbackUrl=${encodeURIComponent(`/contacts/${contact.id}`)}`,
    );
    await listening;
    // The page's content streams in after the shell; it listens once React has hydrated it.
    await page.getByRole("heading", { level: 1, name: contact.name }).waitFor();
    await page.waitForFunction(() =>
      Object.keys(document.querySelector("h1") ?? {}).some((key) => key.startsWith("__reactFiber")),
    );
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const changedAt = Date.now();
    await stack.klink(`/api/v1/contacts/${contact.id}`, {
      method: "PATCH",
      body: { name: "Renamed in K-LINK", address: "99 Sukhumvit Rd, Bangkok" },
    });
    await page.getByRole("heading", { level: 1, name: "Renamed in K-LINK" }).waitFor({ timeout: 4_000 });
    expect(Date.now() - changedAt).toBeLessThan(2_500);
    await page.getByText("99 Sukhumvit Rd, Bangkok").waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await context.close();
  });

  it("shows a viewer no write controls, and refuses a write sent straight from the viewer's browser with 403", async () => {
    const contact = contacts.find((c) => !used.has(c.id) && c.tags.length > 0)!;
    const { context, page } = await stack.signIn("viewer", "/contacts");
    await contactsTable(page).waitFor();
    await expect(page.getByRole("link", { name: "New contact" }).count()).resolves.toBe(0);

    await page.goto(url(`/contacts/${contact.id}`));
    await page.getByRole("heading", { level: 1, name: contact.name }).waitFor();
    await page.getByRole("list", { name: "Tags of this contact" }).waitFor();
    for (const name of ["Edit", "Delete", "Add", "Send message", `Remove tag ${contact.tags[0].name}`]) {
      await expect(page.getByRole(name === "Edit" ? "link" : "button", { name, exact: true }).count()).resolves.toBe(0);
    }
    await expect(page.getByLabel("Add tags").count()).resolves.toBe(0);
    await expect(page.getByLabel("Message", { exact: true }).count()).resolves.toBe(0);

    const statuses = await page.evaluate(async (id) => {
      const send = (path: string, method: string, body?: unknown) =>
        fetch(path, {
          method,
          headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then((r) => r.status);
      return [
        await send(`/api/klink/v1/contacts/${id}/tags`, "PATCH", { actionType: "MERGE", tags: ["viewer-was-here"] }),
        await send("/api/klink/v1/messages/send", "POST", { contactId: id, messageType: "text", message: "hi" }),
        await send(`/api/klink/v1/contacts/${id}`, "DELETE"),
      ];
    }, contact.id);
    expect(statuses).toEqual([403, 403, 403]);
    const after = await stack.klink<{ data: SimContact }>(`/api/v1/contacts/${contact.id}`);
    expect(after.data.tags.map((t) => t.name)).not.toContain("viewer-was-here");

    await page.goto(url("/contacts/new"));
    await page.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
    await context.close();
  });

  it("operates the list from the keyboard: / focuses search, j and k move through rows, Enter opens the contact", async () => {
    const { context, page } = await stack.signIn("agent", "/contacts");
    await contactsTable(page).waitFor();
    // The keys work once the page is hydrated: press "/" until the search field has the focus.
    const searchFocused = () => page.evaluate(() => document.activeElement?.hasAttribute("data-list-search") ?? false);
    await expect
      .poll(
        async () => {
          if (!(await searchFocused())) await page.keyboard.press("/");
          return searchFocused();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.keyboard.type("a");
    await expect(page.getByRole("searchbox", { name: "Search" }).inputValue()).resolves.toBe("a");
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    const names = await contactsTable(page).locator("tbody tr td:first-child a").allTextContents();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await page.keyboard.press("j");
    await expect(focused()).resolves.toBe(names[0]);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect(focused()).resolves.toBe(names[2]);
    await page.keyboard.press("k");
    await expect(focused()).resolves.toBe(names[1]);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname.startsWith("/contacts/"));
    await page.getByRole("heading", { level: 1, name: names[1] }).waitFor();
    await context.close();
  });

  it("screenshots the contacts list on a desktop and on a 390 px phone", async () => {
    const { context, page } = await stack.signIn("admin", "/contacts");
    await page.setViewportSize({ width: 1360, height: 900 });
    await contactsTable(page).waitFor();
    await screenshot(page, "contacts");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await contactsTable(page).waitFor();
    // The table scrolls inside its frame; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "contacts-390");
    await context.close();
  });

  it("has no serious accessibility violations on the list, a contact, the edit and the new-contact pages", async () => {
    const contact = contacts.find((c) => !used.has(c.id))!;
    const { context, page } = await stack.signIn("admin", "/contacts");
    for (const path of ["/contacts", `/contacts/${contact.id}`, `/contacts/${contact.id}/edit`, "/contacts/new"]) {
      await page.goto(url(path));
      await page.locator("h1").first().waitFor();
      expect({ path, violations: await seriousA11yViolations(page) }).toEqual({ path, violations: [] });
    }
    await context.close();
  });
});
