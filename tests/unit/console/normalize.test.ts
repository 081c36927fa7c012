// Pages read K-LINK's answers whatever their shape: custom fields in every form, status as text
// or a number, nested objects missing, null or empty, counts as strings; every field kept, a
// value that cannot be read kept raw, and reading twice gives the same.
import { describe, expect, it } from "vitest";
import { customFieldRows } from "../../../lib/console/contact-details";
import { shownAnswer, type ReadEndpointName } from "../../../lib/console/normalize/answers";
import { normalizeContact } from "../../../lib/console/normalize/contact";
import { customFieldEntries, customFieldMap, customFieldsOf } from "../../../lib/console/normalize/custom-fields";
import { normalizeCxLog } from "../../../lib/console/normalize/cx-log";
import { normalizeFormField } from "../../../lib/console/normalize/form-field";
import { normalizeListing } from "../../../lib/console/normalize/listing";
import { normalizeTicket } from "../../../lib/console/normalize/ticket";
import { fixture } from "../../helpers/klink-docs";

const valueObject = (systemName: string, displayName: string, textValue: unknown) => ({
  id: `v-${systemName}`,
  textValue,
  attribute: { id: `a-${systemName}`, systemName, displayName, type: "text" },
});

describe("custom fields", () => {
  it("reads the documented array of value objects, with K-LINK's own labels", () => {
    expect(customFieldEntries([valueObject("cf_trackingid", "Tracking ID", "Id-1001")])).toEqual([
      { key: "cf_trackingid", label: "Tracking ID", value: "Id-1001", type: "text" },
    ]);
  });

  it("reads other …Value keys, the old {name, value} form, and keeps an item it cannot read raw", () => {
    expect(
      customFieldEntries([
        { id: "v1", numberValue: 12, attribute: { systemName: "cf_order_value" } },
        { name: "cf_customer_id", value: "CUS-1" },
        { id: "v3", attribute: { id: "a3" }, flags: [1] },
        "stray",
      ]),
    ).toEqual([
      { key: "cf_order_value", label: null, value: 12, type: null },
      { key: "cf_customer_id", label: null, value: "CUS-1", type: null },
      { key: "a3", label: null, value: { id: "v3", attribute: { id: "a3" }, flags: [1] }, type: null },
      { key: "#4", label: null, value: "stray", type: null },
    ]);
  });

  it("reads the map form, under customFields or custom_fields, and gives the map the forms send", () => {
    expect(customFieldMap(customFieldsOf({ custom_fields: { cf_date: "2025-10-23" } }))).toEqual({
      cf_date: "2025-10-23",
    });
    expect(customFieldMap([valueObject("cf_date", "Date", "2025-10-23")])).toEqual({ cf_date: "2025-10-23" });
    expect(customFieldEntries(null)).toEqual([]);
    expect(customFieldEntries("cf_x=1")).toEqual([]);
  });

  it("labels a contact's fields from attribute.displayName, then the form field, then the key", () => {
    const fields = [
      normalizeFormField({ id: "1", system_name: "cf_a", display_name: "Form label A", type: "text" })!,
      normalizeFormField({ id: "2", system_name: "cf_b", display_name: "Form label B", type: "text" })!,
    ];
    const rows = customFieldRows(
      [valueObject("cf_a", "K-LINK label A", "1"), { id: "x", textValue: "2", attribute: { systemName: "cf_b" } }],
      fields,
    ).concat(customFieldRows({ cf_unlisted: "3" }, fields).filter((row) => !row.known));
    expect(rows.map((r) => [r.key, r.label, r.value])).toEqual([
      ["cf_a", "K-LINK label A", "1"],
      ["cf_b", "Form label B", "2"],
      ["cf_unlisted", "cf_unlisted", "3"],
    ]);
  });
});

describe("tickets", () => {
  const documented = fixture<{ data: Record<string, unknown> }>("tickets-create.response.json").data;

  it("keeps every field of the documented ticket as it came", () => {
    expect(normalizeTicket(documented)).toEqual(documented);
  });

  it("reads status as a number, ticketNumber as a string, and keeps what is not a number raw", () => {
    expect(normalizeTicket({ id: "t", status: 2, ticketNumber: "38001" })).toMatchObject({
      status: "2",
      ticketNumber: 38001,
    });
    expect(normalizeTicket({ id: 7, ticketNumber: "T-9", title: { en: "Hi" } })).toMatchObject({
      id: "7",
      ticketNumber: "T-9",
      title: '{"en":"Hi"}',
    });
  });

  it("reads nested objects that are missing, null or empty, and tags that are null or bare names", () => {
    expect(normalizeTicket({ id: "t", contact: null, assignee: {}, tags: null })).toEqual({
      id: "t",
      contact: null,
      assignee: { id: null, name: null },
      tags: [],
    });
    expect(normalizeTicket({ id: "t", contact: { id: "c1" }, tags: ["vip", { id: "g1" }] })).toMatchObject({
      contactId: "c1",
      tags: [
        { id: "vip", name: "vip" },
        { id: "g1", name: "g1" },
      ],
    });
    expect(normalizeTicket({ id: "t" })).toEqual({ id: "t", tags: [] });
    expect(normalizeTicket({ title: "no id" })).toBeNull();
  });
});

describe("listings, form fields, contacts and CX logs", () => {
  it("reads counts sent as strings, and works out the ones that are missing", () => {
    expect(normalizeListing({ total: "2000", page: "3", pageSize: "25", lastPage: "80", data: [1] }, String)).toEqual({
      total: 2000,
      page: 3,
      pageSize: 25,
      lastPage: 80,
      data: ["1"],
    });
    expect(normalizeListing({ data: [{ id: "a" }, { id: "b" }] }, (x) => x)).toMatchObject({
      total: 2,
      page: 1,
      pageSize: 2,
      lastPage: 1,
    });
    expect(normalizeListing({ total: 30, pageSize: 10, data: "oops" }, (x) => x)).toMatchObject({
      data: [],
      lastPage: 3,
    });
  });

  it("reads a form field's other spellings, a select without a type, and options given as bare values", () => {
    expect(
      normalizeFormField({
        id: 5,
        systemName: "status",
        displayName: "Status",
        options: ["open", { value: 2 }],
        isArchived: "true",
      }),
    ).toMatchObject({
      id: "5",
      system_name: "status",
      display_name: "Status",
      type: "select",
      is_archived: true,
      options: [
        { value: "open", label: "open" },
        { value: "2", label: null },
      ],
    });
    expect(normalizeFormField({ id: "x", type: "text" })).toBeNull();
  });

  it("reads a contact's e-mails and phones as objects or strings, and an empty company", () => {
    expect(
      normalizeContact({
        id: "c",
        contactEmails: ["a@example.com"],
        contactPhones: [{ phone: 123, isPrimary: "true" }],
        company: {},
      }),
    ).toMatchObject({
      contactEmails: [{ email: "a@example.com", isPrimary: false }],
      contactPhones: [{ phone: "123", isPrimary: true }],
      company: { id: null, name: null },
      platformContacts: [],
      tags: [],
    });
  });

  it("reads CX log durations and case numbers sent as strings", () => {
    expect(normalizeCxLog({ id: "l", caseId: "12540", firstResponseTime: "120", agent: {} })).toMatchObject({
      caseId: 12540,
      firstResponseTime: 120,
      agent: { id: null },
    });
  });
});

describe("every documented answer as pages see it", () => {
  const reads: [string, ReadEndpointName][] = [
    ["pagination-envelope.response.json", "contacts.list"],
    ["contacts-list-old-docs.response.json", "tags.list"],
    ["contacts-fields.response.json", "tickets.fields"],
    ["contacts-get.response.json", "contacts.get"],
    ["tickets-list.response.json", "tickets.list"],
    ["categories-list.response.json", "categories.list"],
    ["cx-logs-list-new.response.json", "cxLogs.list"],
    ["cx-logs-list-old.response.json", "cxLogs.list"],
  ];

  it.each(reads)("%s reads as %s, and reading it again changes nothing", (file, endpoint) => {
    const shown = shownAnswer(endpoint, fixture(file));
    expect(shownAnswer(endpoint, JSON.parse(JSON.stringify(shown)))).toEqual(shown);
  });

  it("keeps the documented contact whole, and finds the contact in an answer without the envelope", () => {
    const detail = fixture<{ data: Record<string, unknown> }>("contacts-get.response.json");
    expect(shownAnswer("contacts.get", detail).data).toMatchObject(detail.data);
    expect(shownAnswer("contacts.get", detail.data).data).toMatchObject({
      id: detail.data.id,
      name: "FrankMcCallister",
    });
    expect(shownAnswer("contacts.get", "<html>").data).toMatchObject({ id: "", tags: [] });
  });
});
