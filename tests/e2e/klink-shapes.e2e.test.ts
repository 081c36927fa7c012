// K-LINK as documented, not as simulated: the running console against a stand-in that answers
// exactly the documented examples (tests/helpers/documented-klink.ts), and against the
// simulator's shape variants. Every page loads without an error banner, a ticket is created with
// one call, edits go through, and the admin page "K-LINK drift" lists each path that differed.
// One console for all of it: the stand-in is a second connection, chosen with the switcher's cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { waitFor } from "../../scripts/console-process";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import { startDocumentedKlink, type DocumentedKlink } from "../helpers/documented-klink";
import type { Role } from "../../lib/identity/roles";

const STAND_IN = "Documented K-LINK";
/** The ids the documented examples use. */
const CONTACT = "c786bb40-a58e-4d60-afe6-061e2b819811";
const TICKET = "string";

let stack: ConsoleStack;
let standIn: DocumentedKlink;

beforeAll(async () => {
  standIn = await startDocumentedKlink();
  stack = await startConsoleStack({ connections: [{ name: STAND_IN, baseUrl: standIn.url }] });
});
afterAll(async () => {
  await stack?.stop();
  await standIn?.stop();
});

const url = (path: string) => `${stack.server.url}${path}`;

/** Signed in as `role`, working with the stand-in (the switcher's cookie) or the simulator. */
async function signIn(role: Role, on: "stand-in" | "simulator"): Promise<{ context: BrowserContext; page: Page }> {
  const session = await stack.signIn(role, "/admin/keys");
  if (on === "stand-in")
    await session.context.addCookies([
      { name: "klink_connection", value: stack.connectionIds[STAND_IN], url: stack.server.url },
    ]);
  return session;
}

/** The page rendered, and nothing on it says that something could not be loaded or shown. */
async function expectNoErrorBanner(page: Page, path: string): Promise<void> {
  const response = await page.goto(url(path));
  expect(response?.status(), path).toBe(200);
  await page.locator("main h1").first().waitFor();
  expect(await page.getByText(/could not be (loaded|shown|refreshed)/).allTextContents(), path).toEqual([]);
  expect(await page.locator("main [role=alert]").allTextContents(), path).toEqual([]);
}

describe("against a K-LINK that answers exactly the documented examples", () => {
  it("loads every console page with no error banner, showing the documented data", async () => {
    const { context, page } = await signIn("agent", "stand-in");
    const pages: [string, () => Promise<unknown>][] = [
      ["/", () => page.getByTestId("count-status-total").or(page.getByTestId("card-status")).first().waitFor()],
      ["/tickets", () => page.locator(`tr[data-ticket-id="${TICKET}"]`).waitFor()],
      [`/tickets/${TICKET}`, () => page.locator("dl[aria-label='Ticket fields']").getByText("38838").waitFor()],
      ["/tickets/new", () => page.getByRole("combobox", { name: "Contact" }).waitFor()],
      [`/tickets/new?contactId=${CONTACT}`, () => page.getByTestId("picked-contact").waitFor()],
      ["/contacts", () => page.locator('a[href="/contacts/WAz8eIbvDR60rouK"]').waitFor()],
      [`/contacts/${CONTACT}`, () => page.getByRole("heading", { name: "FrankMcCallister", level: 1 }).waitFor()],
      [`/contacts/${CONTACT}/edit`, () => page.getByLabel("Name").first().waitFor()],
      ["/contacts/new", () => page.getByLabel("Name").first().waitFor()],
      [`/contacts?socialId=PSID-1029384756`, () => page.getByText("FrankMcCallister").first().waitFor()],
      [
        "/cx-logs?from=2025-04-01&to=2025-04-25&tz=Asia%2FSingapore",
        () => page.getByText("John Doe").first().waitFor(),
      ],
      ["/reference?tab=tags", () => page.locator("main h1").waitFor()],
      ["/reference?tab=channels", () => page.locator("main h1").waitFor()],
      ["/reference?tab=categories", () => page.getByText("testing four").waitFor()],
      ["/reference?tab=groups", () => page.locator("main h1").waitFor()],
    ];
    for (const [path, shows] of pages) {
      await expectNoErrorBanner(page, path);
      await shows();
    }
    await screenshot(page, "documented-klink-ticket");
    await context.close();
  });

  it("creates a ticket with one call to K-LINK (201) and opens it; edits it and a contact", async () => {
    const { context, page } = await signIn("agent", "stand-in");
    await expectNoErrorBanner(page, "/tickets/new");
    const search = page.getByRole("combobox", { name: "Contact" });
    await search.click();
    await page.getByRole("listbox", { name: "Contact" }).getByRole("option").first().waitFor();
    await search.press("ArrowDown");
    await search.press("Enter");
    await page.getByTestId("picked-contact").waitFor();
    await page.getByLabel("Title").fill("Customer cannot access account");
    const posted = () => standIn.requests.filter((r) => r.method === "POST" && r.endpoint === "tickets.create");
    const before = posted().length;
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/klink/v1/tickets") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Create ticket" }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(url(`/tickets/${TICKET}`));
    await page.locator("main h1").first().waitFor();
    expect(posted().length - before).toBe(1);

    await page.getByRole("button", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: "Edit ticket" });
    await form.getByLabel("Title").fill("Customer can log in again");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes saved." }).waitFor();
    expect(standIn.requests.filter((r) => r.endpoint === "tickets.update")).toHaveLength(1);

    await expectNoErrorBanner(page, `/contacts/${CONTACT}/edit`);
    // The documented form fields list only "channel" (archived): the form offers name, e-mails and phones.
    await page.getByLabel("Name").first().fill("Frank McCallister");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(url(`/contacts/${CONTACT}`));
    expect(standIn.requests.filter((r) => r.endpoint === "contacts.update")).toHaveLength(1);
    expect(
      await stack.database.auditLog.count({
        where: {
          connectionId: stack.connectionIds[STAND_IN],
          action: { in: ["ticket.create", "ticket.update", "contact.update"] },
          outcome: "success",
        },
      }),
    ).toBe(3);
    await context.close();
  });

  it("records no drift: the registry describes every documented answer", async () => {
    const { context, page } = await signIn("admin", "stand-in");
    await expectNoErrorBanner(page, `/admin/drift?connection=${stack.connectionIds[STAND_IN]}`);
    await page.getByText("No drift recorded").waitFor();
    await context.close();
  });
});

type SimTicket = Record<string, unknown> & { id: string; title?: string };

describe("against the simulator's shape variants", () => {
  let tickets: SimTicket[];
  beforeAll(async () => {
    await stack.control("POST", "variants", { variants: "all" });
    tickets = (await stack.klink<{ data: SimTicket[] }>("/api/v1/tickets?pageSize=100")).data;
  });
  afterAll(async () => {
    await stack.control("POST", "variants", { variants: "none" });
  });

  const ticketWhere = (test: (t: SimTicket) => boolean) => tickets.find(test)!;

  it("shows the dashboard, the ticket list, contacts and tickets in every shape with no error banner", async () => {
    const { context, page } = await signIn("agent", "simulator");
    await expectNoErrorBanner(page, "/");
    expect(await page.getByTestId("count-status-total").textContent()).toBe("2,000");
    await expectNoErrorBanner(page, "/tickets");
    expect(await page.locator("tbody tr[data-ticket-id]").count()).toBe(25);
    await expectNoErrorBanner(page, "/contacts");
    const contactId = await page.locator("tbody a[href^='/contacts/']").first().getAttribute("href");
    await expectNoErrorBanner(page, contactId!);
    await expectNoErrorBanner(page, `${contactId}/edit`);

    const shapes: SimTicket[] = [
      ticketWhere(
        (t) => typeof t.customFields === "object" && !Array.isArray(t.customFields) && t.customFields !== null,
      ),
      ticketWhere((t) => "custom_fields" in t),
      ticketWhere((t) => !("description" in t) && !("contact" in t)),
      ticketWhere((t) => t.description === null),
      ticketWhere((t) => JSON.stringify(t.contact) === "{}"),
    ];
    for (const ticket of shapes) {
      await expectNoErrorBanner(page, `/tickets/${ticket.id}`);
      await page.getByRole("heading", { name: "Custom fields" }).waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("edits a ticket whose custom fields came as a map, and sends the map", async () => {
    const ticket = ticketWhere(
      (t) => !!t.customFields && !Array.isArray(t.customFields) && "cf_trackingid" in (t.customFields as object),
    );
    const { context, page } = await signIn("agent", "simulator");
    await expectNoErrorBanner(page, `/tickets/${ticket.id}`);
    await page.getByRole("button", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: "Edit ticket" });
    const tracking = form.getByLabel("Tracking ID");
    expect(await tracking.inputValue()).toBe((ticket.customFields as Record<string, string>).cf_trackingid);
    await tracking.fill("TRK-VARIANT-1");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes saved." }).waitFor();
    const audit = await stack.database.auditLog.findFirst({
      where: { action: "ticket.update", targetId: ticket.id, outcome: "success" },
    });
    expect((audit?.details as { body?: unknown }).body).toEqual({ customFields: { cf_trackingid: "TRK-VARIANT-1" } });
    await page.locator("dl[aria-label='Custom fields']").getByText("TRK-VARIANT-1").waitFor();
    await context.close();
  });

  it("changes the status of selected tickets from a list answered in variant shapes", async () => {
    const { context, page } = await signIn("agent", "simulator");
    await expectNoErrorBanner(page, "/tickets?status=open&pageSize=10");
    const rows = page.locator("tbody tr[data-ticket-id]");
    for (const index of [0, 1]) await rows.nth(index).locator("input[type=checkbox]").check();
    const bulk = page.getByRole("region", { name: "Bulk status change" });
    await bulk.getByRole("combobox").selectOption({ label: "Pending" });
    await bulk.getByRole("button", { name: "Change status of 2 selected" }).click();
    await bulk
      .getByRole("status")
      .filter({ hasText: /^Done: 2 of 2 set to Pending\.$/ })
      .waitFor({ timeout: 10_000 });
    await context.close();
  });

  it("lists on the admin page each path that differed, with its counts", async () => {
    const expected = [
      "tickets.list total",
      "tickets.list data[].ticketNumber",
      "tickets.list data[].customFields",
      "tickets.list data[].custom_fields",
      "tickets.list data[].extraField",
      "tickets.list data[].description",
      "tickets.list data[].contact.id",
      "contacts.get data.extraField",
      "tickets.update data.ticketNumber",
      "tickets.updateStatus data.ticketNumber",
    ];
    const stored = () => stack.database.klinkDrift.findMany({ where: { connectionId: stack.connectionId } });
    // Drift is written a moment after it is seen, in one batch.
    await waitFor(async () => {
      const paths = new Set((await stored()).map((r) => `${r.endpoint} ${r.path}`));
      return expected.every((path) => paths.has(path));
    }, 10_000);
    const { context, page } = await signIn("admin", "simulator");
    await expectNoErrorBanner(page, `/admin/drift?connection=${stack.connectionId}`);
    const listed = await page
      .locator("tr[data-drift-path]")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.driftPath));
    expect(new Set(listed)).toEqual(new Set((await stored()).map((r) => `${r.endpoint} ${r.path}`)));
    for (const path of expected) expect(listed).toContain(path);
    await screenshot(page, "admin-drift");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
