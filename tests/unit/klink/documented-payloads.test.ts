// The registry's response schemas describe every example payload of the K-LINK docs exactly (no
// drift on a documented answer), the verbatim Ticket Create page's 201 answer is the ticket
// fixture, and the documented request bodies pass the request schemas with every field kept
// (see tests/fixtures/klink/README.md for how cut-off examples were completed).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { EndpointDef } from "../../../lib/klink/endpoint-def";
import { findDrift } from "../../../lib/klink/find-drift";
import { endpoints, type EndpointName } from "../../../lib/klink/registry";
import { webhookDataSchemas, webhookEnvelopeSchema } from "../../../lib/klink/webhook-payloads";
import { fixture, ticketCreatePageExample } from "../../helpers/klink-docs";

const responses: [string, EndpointName][] = [
  ["contacts-list-old-docs.response.json", "contacts.list"],
  ["pagination-envelope.response.json", "contacts.list"],
  ["contacts-fields.response.json", "contacts.fields"],
  ["contacts-get.response.json", "contacts.get"],
  ["contacts-update-tags.response.json", "contacts.updateTags"],
  ["tickets-list.response.json", "tickets.list"],
  ["tickets-create.response.json", "tickets.create"],
  ["categories-list.response.json", "categories.list"],
  ["cx-logs-list-new.response.json", "cxLogs.list"],
  ["cx-logs-list-old.response.json", "cxLogs.list"],
  ["messages-send.response.json", "messages.send"],
];
const bodies: [string, EndpointName][] = [
  ["contacts-update-tags.body.json", "contacts.updateTags"],
  ["tickets-create.body.json", "tickets.create"],
  ["messages-send.body.json", "messages.send"],
];

/** Adds an unknown field to every object, at every depth. */
function withUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnknownFields);
  if (value && typeof value === "object") {
    return {
      ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnknownFields(v)])),
      x_unknown_field: { kept: true },
    };
  }
  return value;
}

function expectParsesKeepingEverything(schema: z.ZodType, payload: unknown): void {
  const result = schema.safeParse(payload);
  expect(result.error?.issues ?? []).toEqual([]);
  expect(result.data).toEqual(payload);
}

describe("documented example payloads", () => {
  it.each(responses)("%s is described exactly by the %s response schema (no drift)", (file, name) => {
    expect(findDrift(endpoints[name].response, fixture(file))).toEqual([]);
  });

  it.each(responses)("%s: unknown fields at every depth are drift, each named by its path (%s)", (file, name) => {
    const findings = findDrift(endpoints[name].response, withUnknownFields(fixture(file)));
    expect(findings.map((f) => f.path)).toContain("x_unknown_field");
    for (const finding of findings)
      expect(finding).toEqual({
        path: expect.stringMatching(/(^|\.)x_unknown_field$/),
        kind: "unknown",
        expected: "absent",
        received: "object",
      });
  });

  it("the ticket fixture is the verbatim Ticket Create page's 201 answer, customFields an array of value objects", () => {
    const example = ticketCreatePageExample();
    expect(fixture("tickets-create.response.json")).toEqual(example);
    expect(example.data.customFields).toEqual([
      {
        id: "string",
        textValue: "string",
        attribute: { id: "string", systemName: "string", displayName: "string", type: "string" },
      },
    ]);
  });

  it.each(bodies)("%s parses as the %s request body, every field kept", (file, name) => {
    const body = (endpoints[name] as EndpointDef).body!;
    expectParsesKeepingEverything(body, fixture(file));
    expectParsesKeepingEverything(body, { ...fixture<object>(file), x_unknown_field: 1 });
  });

  it("the documented CX log request passes the query and header schemas", () => {
    const { query, headers } = fixture<{ query: unknown; headers: unknown }>("cx-logs-list.request.json");
    expect(endpoints["cxLogs.list"].query.safeParse(query).success).toBe(true);
    expect(endpoints["cxLogs.list"].headers.safeParse(headers).success).toBe(true);
  });

  it("the webhook envelope and the contact.create delivery are described without drift", () => {
    expectParsesKeepingEverything(webhookEnvelopeSchema, fixture("webhook-envelope.json"));
    const delivery = fixture<{ data: unknown }>("webhook-contact-create.json");
    expect(findDrift(webhookEnvelopeSchema, delivery)).toEqual([]);
    expect(findDrift(webhookDataSchemas["contact.create"], delivery.data)).toEqual([]);
  });
});
