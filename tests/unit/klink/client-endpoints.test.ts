// Every registry endpoint called through the typed client against the simulator over a real
// socket, answering with its documented envelope.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { endpointNames } from "../../../lib/klink/registry";
import { startHarness, type Harness } from "../../helpers/simulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.control("POST", "reset");
});
/** Endpoint names the simulator counted, over all tests of this file (the reset clears counters). */
const reached = new Set<string>();
afterEach(async () => {
  for (const name of Object.keys(await h.control<Record<string, number>>("GET", "counters"))) reached.add(name);
});
afterAll(async () => {
  await h?.stop();
});

const listing = {
  total: expect.any(Number),
  page: expect.any(Number),
  pageSize: expect.any(Number),
  lastPage: expect.any(Number),
  data: expect.any(Array),
};

async function someContact() {
  const { data } = await h.client.contacts.list({ query: { pageSize: 1 } });
  return data.data[0];
}

describe("the typed client against the simulator, endpoint by endpoint", () => {
  it("contacts.list answers the listing envelope", async () => {
    const res = await h.client.contacts.list({ query: { page: 2, pageSize: 5 } });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ...listing, page: 2, pageSize: 5, total: 500, lastPage: 100 });
    expect(res.data.data).toHaveLength(5);
    expect(res.upstreamRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("contacts.create answers 201 with the new contact, which the listing then shows first", async () => {
    const res = await h.client.contacts.create({
      body: {
        name: "မောင်မောင် Test",
        contactEmails: [{ email: "maung@example.com.mm" }],
        customFields: { cf_birthday: "1990-02-28" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      status: "success",
      data: {
        name: "မောင်မောင် Test",
        customFields: [
          { textValue: "1990-02-28", attribute: { systemName: "cf_birthday", displayName: "Birthday", type: "date" } },
        ],
      },
    });
    const first = await h.client.contacts.list({ query: { pageSize: 1 } });
    expect(first.data.data[0].id).toBe(res.data.data.id);
    expect(first.data.total).toBe(501);
  });

  it("contacts.bySocialId finds the contact owning a platform id", async () => {
    const contact = await someContact();
    const socialId = contact.platformContacts![0].socialPlatformId!;
    const res = await h.client.contacts.bySocialId({ params: { socialPlatformId: socialId } });
    expect(res.data).toMatchObject({ status: "success", message: "contact", data: { id: contact.id } });
  });

  it("contacts.fields lists form fields with options and cf_ custom fields", async () => {
    const res = await h.client.contacts.fields({ query: { pageSize: 100 } });
    expect(res.data).toMatchObject(listing);
    const names = res.data.data.map((f) => f.system_name);
    expect(names).toEqual(expect.arrayContaining(["channel", "cf_customer_id", "cf_birthday", "cf_membership"]));
    expect(res.data.data.find((f) => f.system_name === "channel")?.options?.[0]).toMatchObject({
      value: "phone",
      label: "Phone",
      is_default: true,
    });
  });

  it("contacts.get answers {status, message: 'contact', data}", async () => {
    const contact = await someContact();
    const res = await h.client.contacts.get({ params: { id: contact.id } });
    expect(res.data).toMatchObject({
      status: "success",
      message: "contact",
      data: { id: contact.id, name: contact.name },
    });
  });

  it("contacts.update changes only the fields sent", async () => {
    const contact = await someContact();
    const res = await h.client.contacts.update({ params: { id: contact.id }, body: { notes: "Prefers Burmese" } });
    expect(res.data.data).toMatchObject({ id: contact.id, name: contact.name, notes: "Prefers Burmese" });
  });

  it("contacts.delete removes the contact from detail and listing", async () => {
    const contact = await someContact();
    const res = await h.client.contacts.delete({ params: { id: contact.id } });
    expect(res.data).toMatchObject({ status: "success", message: "Contact deleted successfully" });
    await expect(h.client.contacts.get({ params: { id: contact.id } })).rejects.toMatchObject({
      name: "KlinkHttpError",
      status: 404,
    });
    expect((await h.client.contacts.list()).data.total).toBe(499);
  });

  it("contacts.groups lists the contact groups", async () => {
    const res = await h.client.contacts.groups();
    expect(res.data).toMatchObject(listing);
    expect(res.data.data[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      contactCount: expect.any(Number),
    });
  });

  it("contacts.updateTags merges tag names, creating unknown ones", async () => {
    const contact = await someContact();
    const res = await h.client.contacts.updateTags({
      params: { id: contact.id },
      body: { actionType: "MERGE", tags: ["vip", "brand-new-tag"] },
    });
    expect(res.data).toEqual({ status: "success", message: "Contact tags updated successfully", data: null });
    const after = await h.client.contacts.get({ params: { id: contact.id } });
    const names = after.data.data.tags!.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([...contact.tags!.map((t) => t.name), "vip", "brand-new-tag"]));
    const tags = await h.client.tags.list({ query: { pageSize: 100 } });
    expect(tags.data.data.map((t) => t.name)).toContain("brand-new-tag");
  });

  it("tags.list lists tags with ids and names, Thai and Burmese among them", async () => {
    const res = await h.client.tags.list({ query: { pageSize: 100 } });
    expect(res.data).toMatchObject(listing);
    expect(res.data.data.map((t) => t.name)).toEqual(expect.arrayContaining(["vip", "ลูกค้าใหม่", "ဖောက်သည်ဟောင်း"]));
  });

  it("channels.list and channels.create", async () => {
    const before = await h.client.channels.list();
    expect(before.data).toMatchObject(listing);
    const created = await h.client.channels.create({ body: { name: "Klink Custom Channel", type: "custom" } });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      status: "success",
      data: { name: "Klink Custom Channel", type: "custom", status: "active" },
    });
    expect((await h.client.channels.list()).data.total).toBe(before.data.total + 1);
  });

  it("tickets.list answers the listing envelope, newest first, with contact and assignee joined", async () => {
    const res = await h.client.tickets.list();
    expect(res.data).toMatchObject({ ...listing, total: 2000, pageSize: 10, lastPage: 200 });
    const [first, second] = res.data.data;
    expect(first.createdAt! >= second.createdAt!).toBe(true);
    expect(first.contact).toMatchObject({ id: first.contactId });
  });

  it("tickets.create answers 201 {success: true, data} with the ticket", async () => {
    const contact = await someContact();
    const tags = await h.client.tags.list();
    const res = await h.client.tickets.create({
      body: {
        title: "Customer cannot access account",
        description: "Unable to log in after password reset",
        status: "open",
        priority: "high",
        contact_id: contact.id,
        channel: "email",
        tags: [tags.data.data[0].id],
        customFields: { cf_trackingid: "Id-1001", cf_date: "2025-10-23" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      success: true,
      data: {
        title: "Customer cannot access account",
        contactId: contact.id,
        ticketNumber: 40_000,
        assignee: { id: res.data.data.assigneeId },
        reasonToAssign: "Round robin",
        tags: [{ id: tags.data.data[0].id }],
        // Sent as a map, answered as the documented array of value objects.
        customFields: [
          { textValue: "Id-1001", attribute: { systemName: "cf_trackingid", displayName: "Tracking ID" } },
          { textValue: "2025-10-23", attribute: { systemName: "cf_date", type: "date" } },
        ],
      },
    });
    expect(res.drift).toEqual([]);
  });

  it("tickets.byContact lists only that contact's tickets", async () => {
    const ticket = (await h.client.tickets.list()).data.data[0];
    const res = await h.client.tickets.byContact({
      params: { contactId: ticket.contactId! },
      query: { pageSize: 100 },
    });
    expect(res.data).toMatchObject(listing);
    expect(res.data.data.length).toBeGreaterThan(0);
    expect(res.data.data.every((t) => t.contactId === ticket.contactId)).toBe(true);
  });

  it("tickets.fields offers the contract's status and priority options", async () => {
    const res = await h.client.tickets.fields({ query: { pageSize: 100 } });
    const options = (name: string) => res.data.data.find((f) => f.system_name === name)?.options?.map((o) => o.value);
    expect(options("status")).toEqual(["open", "pending", "in progress", "resolved", "closed"]);
    expect(options("priority")).toEqual(["low", "medium", "high", "urgent"]);
    expect(res.data.data.map((f) => f.type)).toEqual(expect.arrayContaining(["text", "date", "select"]));
  });

  it("tickets.update changes the fields sent", async () => {
    const ticket = (await h.client.tickets.list()).data.data[0];
    const res = await h.client.tickets.update({
      params: { id: ticket.id },
      body: { priority: "urgent", customFields: { cf_due_date: "2026-02-01" } },
    });
    expect(res.data).toMatchObject({
      success: true,
      data: { id: ticket.id, title: ticket.title, priority: "urgent" },
    });
    expect(res.data.data.customFields).toContainEqual(
      expect.objectContaining({
        textValue: "2026-02-01",
        attribute: expect.objectContaining({ systemName: "cf_due_date" }),
      }),
    );
  });

  it("tickets.updateStatus sets the status, visible in the listing filter", async () => {
    const ticket = (await h.client.tickets.list({ query: { status: "closed" } })).data.data[0];
    const res = await h.client.tickets.updateStatus({ params: { id: ticket.id }, body: { status: "in progress" } });
    expect(res.data).toMatchObject({ success: true, data: { id: ticket.id, status: "in progress" } });
    const inProgress = await h.client.tickets.list({ query: { status: "in progress", pageSize: 100 } });
    expect(inProgress.data.data.map((t) => t.id)).toContain(ticket.id);
  });

  it("categories.list answers {data} with the nested category tree", async () => {
    const res = await h.client.categories.list();
    expect(Object.keys(res.data)).toEqual(["data"]);
    const billing = res.data.data.find((c) => c.value === "Billing")!;
    expect(billing).toMatchObject({ parentId: null, level: 1 });
    expect(billing.childCategoryList![0]).toMatchObject({ parentId: billing.id, level: 2 });
  });

  it("cxLogs.list answers {requestId, cxLogs: {data, total, page, pageSize}} for the range", async () => {
    const res = await h.client.cxLogs.list({
      query: { selectedDate: "2026/01/01 00:00:00-2026/01/07 23:59:59", pageSize: 20 },
      headers: { "x-client-timezone": "Asia/Bangkok" },
    });
    expect(res.data).toMatchObject({
      requestId: expect.any(String),
      cxLogs: { data: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 20 },
    });
    expect(res.data.cxLogs.total).toBeGreaterThan(50);
    expect(res.data.cxLogs.data[0]).toMatchObject({
      entityName: "room",
      contact: { id: res.data.cxLogs.data[0].contactId },
    });
  });

  it("messages.send answers {status: 200 (a number), message, data}", async () => {
    const contact = await someContact();
    const res = await h.client.messages.send({
      body: { contactId: contact.id, messageType: "text", message: "สวัสดีค่ะ", createdAt: "2026-01-08T16:03:39.923Z" },
    });
    expect(res.data).toMatchObject({
      status: 200,
      message: "Message sent successfully",
      data: { id: expect.any(String), partition_key: expect.stringMatching(/^\d{4}_\d{2}$/) },
    });
    expect(res.data.data.createdAt).toMatch(/\.\d{9}Z$/);
  });

  it("reached the simulator with every one of the 21 registry endpoints (tests above)", () => {
    expect([...reached].sort()).toEqual([...endpointNames].sort());
  });
});
