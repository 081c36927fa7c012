// The simulated tenant's form fields. Ticket status and priority options are the working contract
// (shared/klink-api/README.md §13): status open, pending, in progress, resolved, closed; priority low … urgent.
import type { Rng } from "./prng";
import type { FormFieldRecord } from "./state";

/** Options are values, or [value, label] where the label is not the capitalised value. */
type FieldSpec = [
  system_name: string,
  display_name: string,
  type: FormFieldRecord["type"],
  options?: (string | [string, string])[],
  flags?: Partial<FormFieldRecord>,
];

const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

export const TICKET_STATUSES = ["open", "pending", "in progress", "resolved", "closed"];
export const TICKET_PRIORITIES = ["low", "medium", "high", "urgent"];
export const TICKET_CHANNELS = ["email", "line", "messenger", "whatsapp", "viber", "telegram", "phone", "web"];
export const TICKET_TYPES = ["question", "incident", "problem", "task"];
export const CONTACT_CHANNELS = [
  "phone",
  "G-Mail",
  "messenger",
  "line",
  "viber",
  "whatsapp",
  "telegram",
  "instagram",
  "email",
];

const CONTACT_FIELDS: FieldSpec[] = [
  [
    "channel",
    "Channel",
    "select",
    CONTACT_CHANNELS.map((c) => (c === "line" ? [c, "LINE"] : c)),
    { is_required: true },
  ],
  ["name", "Name", "text", undefined, { is_required: true }],
  ["address", "Address", "textarea"],
  ["notes", "Notes", "textarea"],
  ["contactNumber", "Phone number", "text"],
  ["email", "E-mail", "text", undefined, { is_unique: true }],
  ["company", "Company", "text"],
  ["cf_customer_id", "Customer ID", "text", undefined, { is_default: false, is_unique: true }],
  ["cf_birthday", "Birthday", "date", undefined, { is_default: false }],
  ["cf_membership", "Membership", "select", ["silver", "gold", "platinum"], { is_default: false }],
  [
    "cf_preferred_language",
    "Preferred language",
    "select",
    [
      ["en", "English"],
      ["th", "ไทย"],
      ["my", "မြန်မာ"],
      ["vi", "Tiếng Việt"],
      ["zh", "中文"],
    ],
    { is_default: false },
  ],
  ["cf_legacy_code", "Legacy code", "text", undefined, { is_default: false, is_archived: true }],
];

const TICKET_FIELDS: FieldSpec[] = [
  ["title", "Title", "text", undefined, { is_required: true }],
  ["description", "Description", "textarea"],
  ["status", "Status", "select", TICKET_STATUSES, { is_required: true }],
  ["priority", "Priority", "select", TICKET_PRIORITIES],
  ["channel", "Channel", "select", TICKET_CHANNELS],
  ["type", "Type", "select", TICKET_TYPES],
  ["cf_trackingid", "Tracking ID", "text", undefined, { is_default: false }],
  ["cf_date", "Incident date", "date", undefined, { is_default: false }],
  ["cf_due_date", "Due date", "date", undefined, { is_default: false }],
  ["cf_order_value", "Order value", "number", undefined, { is_default: false }],
  ["cf_product", "Product", "select", ["kettle", "blender", "rice cooker", "air fryer"], { is_default: false }],
];

function build(rng: Rng, specs: FieldSpec[]): FormFieldRecord[] {
  return specs.map(([system_name, display_name, type, options, flags]) => ({
    id: rng.uuid(),
    system_name,
    display_name,
    type,
    is_default: true,
    is_archived: false,
    is_required: false,
    is_unique: false,
    ...flags,
    options: (options ?? []).map((option, index) => {
      const [value, text] = typeof option === "string" ? [option, label(option)] : option;
      return { value, label: text, ...(index === 0 ? { is_default: true } : {}) };
    }),
  }));
}

export function contactFormFields(rng: Rng): FormFieldRecord[] {
  return build(rng, CONTACT_FIELDS);
}

export function ticketFormFields(rng: Rng): FormFieldRecord[] {
  return build(rng, TICKET_FIELDS);
}

/** The options of a select field, for checking a submitted value. */
export function optionsOf(fields: FormFieldRecord[], systemName: string): string[] {
  return fields.find((f) => f.system_name === systemName)?.options.map((o) => o.value) ?? [];
}
