// The pieces of the ticket pages that hold rules of their own: the URL state of the list, the
// per-page sort by the tenant's option order, the placing of K-LINK's refusals by field, and the
// bounded concurrency of bulk changes.
import { describe, expect, it } from "vitest";
import { runPool } from "../../../lib/console/bulk-ticket-status";
import type { FormField, Ticket } from "../../../lib/console/ticket-field-model";
import { formErrors } from "../../../lib/console/form-errors";
import { parseTicketListState, proxyListUrl, ticketListHref } from "../../../lib/console/ticket-query";
import { sortTicketsOfPage } from "../../../lib/console/ticket-sort";

const select = (system_name: string, values: string[]): FormField => ({
  id: system_name,
  system_name,
  type: "select",
  options: values.map((value) => ({ value, label: value })),
});
const fields = [select("status", ["new", "working", "done"]), select("priority", ["p3", "p2", "p1"])];
const ticket = (n: number, status: string, priority: string): Ticket => ({
  id: `t${n}`,
  ticketNumber: n,
  title: `T${n}`,
  status,
  priority,
  updatedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
  tags: [],
});

describe("ticket list URL state", () => {
  it("round-trips filters, sort, page and page size through the URL, leaving defaults out", () => {
    const state = parseTicketListState(
      new URLSearchParams("status=open&keyword=%20kettle%20&sort=priority&dir=asc&page=3&pageSize=50"),
    );
    expect(state).toEqual({
      filters: { status: "open", keyword: "kettle" },
      page: 3,
      pageSize: 50,
      sort: { key: "priority", direction: "asc" },
    });
    expect(parseTicketListState(new URLSearchParams(ticketListHref(state).split("?")[1]))).toEqual(state);
    expect(ticketListHref(parseTicketListState({}))).toBe("/tickets");
  });

  it("falls back to defaults for a bad page, page size or sort instead of failing", () => {
    expect(parseTicketListState({ page: "-2", pageSize: "7", sort: "contact" })).toMatchObject({
      page: 1,
      pageSize: 25,
      sort: null,
    });
  });

  it("keys the list's data by the proxy URL of the listing query, without the sort K-LINK cannot do", () => {
    const state = parseTicketListState({ priority: "high", sort: "title", page: "2" });
    expect(proxyListUrl(state)).toBe("/api/klink/v1/tickets?priority=high&page=2&pageSize=25");
  });
});

describe("sorting a page of tickets", () => {
  const page = [
    ticket(1, "done", "p1"),
    ticket(2, "new", "p3"),
    ticket(3, "working", "p1"),
    ticket(4, "unknown-status", "p2"),
  ];

  it("orders status and priority by the tenant's own option order, unknown values last", () => {
    expect(sortTicketsOfPage(page, { key: "status", direction: "asc" }, fields).map((t) => t.status)).toEqual([
      "new",
      "working",
      "done",
      "unknown-status",
    ]);
    expect(sortTicketsOfPage(page, { key: "priority", direction: "desc" }, fields).map((t) => t.id)).toEqual([
      "t1",
      "t3",
      "t4",
      "t2",
    ]);
  });

  it("keeps K-LINK's order (newest first) without a sort, and among equal rows", () => {
    expect(sortTicketsOfPage(page, null, fields)).toEqual(page);
    expect(sortTicketsOfPage(page, { key: "updated", direction: "desc" }, fields).map((t) => t.id)).toEqual([
      "t4",
      "t3",
      "t2",
      "t1",
    ]);
  });
});

describe("ticket form errors", () => {
  it("puts the parts of K-LINK's validation message by the fields they name and keeps the rest in the summary", () => {
    const errors = formErrors(
      {
        status: 400,
        code: "upstream_rejected",
        message:
          "K-LINK answered 400: Validation failed: customFields.cf_order_value: must be a number; assigneeId: no agent with this id",
      },
      ["title", "customFields.cf_order_value"],
    );
    expect(errors.fields).toEqual({ "customFields.cf_order_value": ["must be a number"] });
    expect(errors.summary).toContain("assigneeId: no agent with this id");
  });

  it("uses the console's own field errors without their body. prefix", () => {
    const errors = formErrors(
      {
        status: 400,
        code: "validation_failed",
        message: "The request is not valid.",
        fields: { "body.customFields.cf_date": ["must be YYYY-MM-DD"] },
        requestId: "r-1",
      },
      ["customFields.cf_date"],
    );
    expect(errors).toEqual({
      fields: { "customFields.cf_date": ["must be YYYY-MM-DD"] },
      summary: "Check the fields marked below.",
      requestId: "r-1",
    });
  });
});

describe("bulk change pool", () => {
  it("never runs more than the given number at once, and starts nothing new once stopped", async () => {
    let running = 0;
    let most = 0;
    const stop = new AbortController();
    const done: number[] = [];
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      async (n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (n === 9) stop.abort();
        return n;
      },
      { concurrency: 4, signal: stop.signal, onResult: (n) => done.push(n) },
    );
    expect(most).toBe(4);
    // Items already under way when the stop came finish; none after them start.
    expect(done.length).toBeGreaterThanOrEqual(10);
    expect(done.length).toBeLessThanOrEqual(13);
    expect(Math.max(...done)).toBeLessThanOrEqual(12);
  });
});
