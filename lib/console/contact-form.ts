// The contact create/edit form, driven by the tenant's contact form fields: which controls to
// show, the request body for contacts.create / contacts.update, and errors mapped back to the
// controls (the console's validation names body paths such as contactEmails.0.email; K-LINK's
// names customFields.cf_birthday). Safe to import anywhere.
import { isIsoDate, validateCustomFields } from "../klink/schemas/custom-fields";
import { emailsOf, isCustomField, phonesOf, type Contact, type FormField } from "./contact-details";
import { customFieldMap, customFieldsOf } from "./normalize/custom-fields";
import type { ConsoleApiError } from "./console-api";
import { callFieldErrors } from "./upstream-field-errors";

export type ControlKind = "text" | "textarea" | "select" | "date" | "number" | "emails" | "phones";

export type FormControl = {
  /** Key of the value and of its errors: a body field name, a custom field name, "emails" or "phones". */
  key: string;
  kind: ControlKind;
  label: string;
  required: boolean;
  custom: boolean;
  options: { value: string; label: string }[];
  defaultOption?: string;
};

export type ContactFormValues = { fields: Record<string, string>; emails: string[]; phones: string[] };

const KIND_OF_TYPE: Record<string, ControlKind> = {
  textarea: "textarea",
  select: "select",
  date: "date",
  number: "number",
};
/** System form fields whose values travel under another body field. */
const LIST_FIELDS: Record<string, "emails" | "phones"> = { email: "emails", contactNumber: "phones" };
/**
 * A company is shown on contacts but set only as companyId, and K-LINK has no company list to
 * pick one from: the field is left out of the form rather than sent where nothing reads it.
 */
const NOT_SETTABLE = new Set(["company", "companyId"]);

export function formControls(fields: readonly FormField[]): FormControl[] {
  const controls: FormControl[] = [];
  for (const field of fields) {
    if (field.is_archived || NOT_SETTABLE.has(field.system_name)) continue;
    const list = LIST_FIELDS[field.system_name];
    const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label || o.value }));
    controls.push({
      key: list ?? field.system_name,
      kind: list ?? KIND_OF_TYPE[field.type] ?? "text",
      label:
        list === "emails"
          ? "E-mail addresses"
          : list === "phones"
            ? "Phone numbers"
            : field.display_name || field.system_name,
      required: Boolean(field.is_required) || field.system_name === "name",
      custom: isCustomField(field),
      options,
      defaultOption: field.options?.find((o) => o.is_default)?.value,
    });
  }
  // Every contact has a name, e-mails and phones, whatever the tenant's form lists.
  const ensure = (control: FormControl, index: number) => {
    if (!controls.some((c) => c.key === control.key)) controls.splice(Math.min(index, controls.length), 0, control);
  };
  ensure({ key: "name", kind: "text", label: "Name", required: true, custom: false, options: [] }, 0);
  ensure(
    { key: "emails", kind: "emails", label: "E-mail addresses", required: false, custom: false, options: [] },
    controls.length,
  );
  ensure(
    { key: "phones", kind: "phones", label: "Phone numbers", required: false, custom: false, options: [] },
    controls.length,
  );
  // The name leads, whatever position the tenant's form gives it.
  return [...controls.filter((c) => c.key === "name"), ...controls.filter((c) => c.key !== "name")];
}

function stringOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function initialValues(controls: readonly FormControl[], contact?: Contact): ContactFormValues {
  const custom = customFieldMap(contact ? customFieldsOf(contact) : undefined);
  const fields: Record<string, string> = {};
  for (const control of controls) {
    if (control.kind === "emails" || control.kind === "phones") continue;
    if (contact)
      fields[control.key] = stringOf(
        control.custom ? custom[control.key] : (contact as Record<string, unknown>)[control.key],
      );
    // A required choice starts on the tenant's default option; optional ones start empty.
    else
      fields[control.key] =
        control.kind === "select" && control.required ? (control.defaultOption ?? control.options[0]?.value ?? "") : "";
  }
  const emails = contact ? emailsOf(contact) : [];
  const phones = contact ? phonesOf(contact) : [];
  return { fields, emails: emails.length ? emails : [""], phones: phones.length ? phones : [""] };
}

const filled = (list: string[]) => list.map((v) => v.trim()).filter(Boolean);
const sameList = (a: string[], b: string[]) => filled(a).join("\n") === filled(b).join("\n");

/**
 * The body for contacts.create (everything filled in) or, given the initial values,
 * contacts.update (only what changed; a cleared field is sent as null). Problems the console can
 * see without asking K-LINK — required values, custom field types — come back as errors instead.
 */
export function contactBody(
  controls: readonly FormControl[],
  fields: readonly FormField[],
  values: ContactFormValues,
  initial?: ContactFormValues,
): { body: Record<string, unknown>; errors: Record<string, string[]> } {
  const body: Record<string, unknown> = {};
  const customFields: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const control of controls) {
    if (control.kind === "emails" || control.kind === "phones") continue;
    const value = (values.fields[control.key] ?? "").trim();
    if (control.required && !value) {
      errors[control.key] = ["is required"];
      continue;
    }
    if (initial && value === (initial.fields[control.key] ?? "").trim()) continue;
    if (!initial && !value) continue;
    let typed: unknown = value || null;
    if (control.kind === "number" && value) {
      typed = Number(value);
      if (!Number.isFinite(typed)) errors[control.key] = ["must be a number"];
    }
    if (control.kind === "date" && value && !isIsoDate(value)) errors[control.key] = ["must be a date YYYY-MM-DD"];
    if (control.custom) customFields[control.key] = typed;
    else body[control.key] = typed;
  }
  if (!initial || !sameList(values.emails, initial.emails)) {
    const emails = filled(values.emails);
    if (emails.length || initial) body.contactEmails = emails.map((email, i) => ({ email, isPrimary: i === 0 }));
  }
  if (!initial || !sameList(values.phones, initial.phones)) {
    const phones = filled(values.phones);
    if (phones.length || initial) {
      body.contactPhones = phones.map((phone, i) => ({ phone, isPrimary: i === 0 }));
      body.contactNumber = phones[0] ?? null;
    }
  }
  if (Object.keys(customFields).length) {
    body.customFields = customFields;
    for (const [key, message] of Object.entries(validateCustomFields(customFields, fields))) errors[key] ??= [message];
  }
  return { body, errors };
}

/** A failed create/update's errors keyed by control ("emails.1", "phones.0", "cf_birthday", "name" …). */
export function formErrors(error: ConsoleApiError): Record<string, string[]> {
  const mapped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(callFieldErrors(error))) {
    const key = controlKeyOf(path);
    mapped[key] = [...(mapped[key] ?? []), ...messages];
  }
  return mapped;
}

function controlKeyOf(path: string): string {
  const list = /^contact(Emails|Phones)(?:\.(\d+))?/.exec(path);
  if (list) return `${list[1] === "Emails" ? "emails" : "phones"}.${list[2] ?? 0}`;
  if (path === "contactNumber") return "phones.0";
  const custom = /^customFields\.([^.]+)/.exec(path);
  if (custom) return custom[1];
  return path;
}
