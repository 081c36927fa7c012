// The contact form's model against the simulator's real form fields and the real proxy: the
// bodies it builds are what K-LINK accepts, and every error lands on the control it is about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { customFieldRows, type FormField } from "../../../lib/console/contact-details";
import {
  contactBody,
  formControls,
  formErrors,
  initialValues,
  type ContactFormValues,
} from "../../../lib/console/contact-form";
import { consoleApi } from "../../../lib/console/console-api";
import { shownAnswer } from "../../../lib/console/normalize/answers";
import { normalizeContact } from "../../../lib/console/normalize/contact";
import { customFieldMap, customFieldsOf } from "../../../lib/console/normalize/custom-fields";
import { callFieldErrors } from "../../../lib/console/upstream-field-errors";
import { resetDatabase } from "../../helpers/db";
import type { ServedHandlers } from "../../helpers/serve-handlers";
import { startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";
import { serveProxy } from "../../helpers/contacts-fixture";

let f: ProxyFixture;
let served: ServedHandlers;
let fields: FormField[];

beforeAll(async () => {
  await resetDatabase();
  await setCache(new MemoryCache({ maxSizeBytes: 16 * 1024 * 1024 }));
  f = await startProxyFixture();
  served = await serveProxy();
  fields = shownAnswer(
    "contacts.fields",
    (await f.call("GET", "/api/klink/v1/contacts/fields?pageSize=100", { as: "viewer" })).json,
  ).data;
});
afterAll(async () => {
  await served?.close();
  await f?.stop();
  await setCache(undefined);
});

/** The browser-side call, as the form makes it (cookie session, same origin). */
const api = async (path: string, method: string, body?: unknown) => {
  const answer = await consoleApi<{ data: unknown }>(`${served.url}${path}`, {
    method,
    body,
    headers: f.users.agent.headers,
  });
  return answer.ok ? { ...answer, data: { data: normalizeContact(answer.data.data)! } } : answer;
};

function filled(
  values: ContactFormValues,
  fields: Record<string, string>,
  lists: { emails?: string[]; phones?: string[] } = {},
): ContactFormValues {
  return {
    fields: { ...values.fields, ...fields },
    emails: lists.emails ?? values.emails,
    phones: lists.phones ?? values.phones,
  };
}

describe("the contact form against K-LINK's form fields", () => {
  it("offers the tenant's fields, name first, custom fields by type, archived ones left out", () => {
    const controls = formControls(fields);
    expect(controls[0]).toMatchObject({ key: "name", required: true });
    expect(controls.find((c) => c.key === "channel")).toMatchObject({ kind: "select", required: true, custom: false });
    expect(controls.find((c) => c.key === "cf_birthday")).toMatchObject({ kind: "date", custom: true });
    expect(controls.find((c) => c.key === "cf_preferred_language")?.options).toContainEqual({
      value: "th",
      label: "ไทย",
    });
    expect(controls.map((c) => c.key)).toEqual(expect.arrayContaining(["emails", "phones"]));
    expect(controls.map((c) => c.key)).not.toContain("cf_legacy_code");
    // A required choice starts on the tenant's default option.
    expect(initialValues(controls).fields.channel).toBe(
      fields.find((f) => f.system_name === "channel")!.options!.find((o) => o.is_default)!.value,
    );
  });

  it("creates a contact K-LINK accepts from what was typed, custom fields included", async () => {
    const controls = formControls(fields);
    const values = filled(
      initialValues(controls),
      { name: "  Aung Kyaw Moe  ", cf_membership: "gold", cf_birthday: "1988-07-21" },
      { emails: ["aung.kyaw@example.com.mm", "", "akm@example.com"], phones: ["+959123456789"] },
    );
    const { body, errors } = contactBody(controls, fields, values);
    expect(errors).toEqual({});
    const created = await api("/api/klink/v1/contacts", "POST", body);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const contact = created.data.data;
    expect(contact).toMatchObject({ name: "Aung Kyaw Moe", contactNumber: "+959123456789" });
    expect(customFieldMap(customFieldsOf(contact))).toEqual({ cf_membership: "gold", cf_birthday: "1988-07-21" });
    expect(contact.contactEmails?.map((e) => [e.email, e.isPrimary])).toEqual([
      ["aung.kyaw@example.com.mm", true],
      ["akm@example.com", false],
    ]);
    // The detail page labels the values from the same fields.
    expect(customFieldRows(customFieldsOf(contact), fields)).toContainEqual(
      expect.objectContaining({ key: "cf_membership", label: "Membership", value: "Gold", known: true }),
    );
  });

  it("puts the proxy's e-mail error on the second e-mail box, keyed emails.1", async () => {
    const controls = formControls(fields);
    const { body } = contactBody(
      controls,
      fields,
      filled(initialValues(controls), { name: "Bad Mail" }, { emails: ["ok@example.sg", "not-an-email"] }),
    );
    const created = await api("/api/klink/v1/contacts", "POST", body);
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.error.status).toBe(400);
    expect(formErrors(created.error)).toEqual({ "emails.1": ["must be an e-mail address"] });
  });

  it("reads K-LINK's own 400 message by field: an archived custom field's problem lands on that field", async () => {
    const created = await api("/api/klink/v1/contacts", "POST", {
      name: "Legacy",
      customFields: { cf_legacy_code: "L-1", cf_membership: "gold" },
    });
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.error.message).toContain("K-LINK answered 400");
    expect(formErrors(created.error)).toEqual({ cf_legacy_code: ["is archived and can no longer be set"] });

    // The same reading serves the channel form: K-LINK names the field "type".
    const channel = await consoleApi(`${served.url}/api/klink/v1/channels`, {
      method: "POST",
      body: { name: "Fax line", type: "fax" },
      headers: f.users.admin.headers,
    });
    expect(channel.ok).toBe(false);
    if (channel.ok) return;
    expect(Object.keys(callFieldErrors(channel.error))).toEqual(["type"]);
    expect(callFieldErrors(channel.error).type[0]).toMatch(/^must be one of: /);
  });

  it("catches a missing name and values of the wrong type before anything is sent", () => {
    const controls = formControls(fields);
    const { errors } = contactBody(
      controls,
      fields,
      filled(initialValues(controls), { name: "   ", cf_membership: "bronze", cf_birthday: "21/07/1988" }),
    );
    expect(errors).toEqual({
      name: ["is required"],
      cf_membership: ["must be one of: silver, gold, platinum"],
      cf_birthday: ["must be a date YYYY-MM-DD"],
    });
  });

  it("edits only what changed: a cleared field goes as null, untouched lists are not sent, and K-LINK keeps the rest", async () => {
    const list = shownAnswer("contacts.list", (await f.call("GET", "/api/klink/v1/contacts?pageSize=5")).json);
    const original = list.data.find((c) => c.address && (c.contactEmails?.length ?? 0) > 0)!;
    const controls = formControls(fields);
    const initial = initialValues(controls, original);
    expect(initial.emails).toEqual(original.contactEmails!.map((e) => e.email));

    const { body, errors } = contactBody(
      controls,
      fields,
      filled(initial, { address: "", cf_membership: "platinum" }),
      initial,
    );
    expect(errors).toEqual({});
    expect(body).toEqual({ address: null, customFields: { cf_membership: "platinum" } });
    expect(contactBody(controls, fields, initial, initial).body).toEqual({});

    const saved = await api(`/api/klink/v1/contacts/${original.id}`, "PATCH", body);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.data.data).toMatchObject({ address: null, name: original.name });
    expect(customFieldMap(customFieldsOf(saved.data.data))).toEqual({
      ...customFieldMap(customFieldsOf(original)),
      cf_membership: "platinum",
    });
    expect(saved.data.data.contactEmails?.map((e) => e.email)).toEqual(original.contactEmails!.map((e) => e.email));
  });
});
