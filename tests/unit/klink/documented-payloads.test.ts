// Every example payload of the K-LINK docs parses with the registry's schemas, and no field is
// lost on the way (see tests/fixtures/klink/README.md for how cut-off examples were completed).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { EndpointDef } from "../../../lib/klink/endpoint-def";
import { endpoints, type EndpointName } from "../../../lib/klink/registry";
import { webhookDataSchemas, webhookEnvelopeSchema } from "../../../lib/klink/webhook-payloads";

const dir = path.resolve(import.meta.dirname, "../../fixtures/klink");
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), "utf8"));

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
  it.each(responses)("%s parses as the %s response, every field kept", (file, name) => {
    expectParsesKeepingEverything(endpoints[name].response, fixture(file));
  });

  it.each(responses)("%s keeps unknown fields at every depth (%s)", (file, name) => {
    expectParsesKeepingEverything(endpoints[name].response, withUnknownFields(fixture(file)));
  });

  it.each(bodies)("%s parses as the %s request body, every field kept", (file, name) => {
    const body = (endpoints[name] as EndpointDef).body!;
    expectParsesKeepingEverything(body, fixture(file));
    expectParsesKeepingEverything(body, { ...(fixture(file) as object), x_unknown_field: 1 });
  });

  it("the documented CX log request passes the query and header schemas", () => {
    const { query, headers } = fixture("cx-logs-list.request.json") as { query: unknown; headers: unknown };
    expect(endpoints["cxLogs.list"].query.safeParse(query).success).toBe(true);
    expect(endpoints["cxLogs.list"].headers.safeParse(headers).success).toBe(true);
  });

  it("the webhook envelope and the contact.create delivery parse", () => {
    expectParsesKeepingEverything(webhookEnvelopeSchema, fixture("webhook-envelope.json"));
    const delivery = fixture("webhook-contact-create.json") as { data: unknown };
    expectParsesKeepingEverything(webhookEnvelopeSchema, withUnknownFields(delivery));
    expectParsesKeepingEverything(webhookDataSchemas["contact.create"], withUnknownFields(delivery.data));
  });
});
