// Canned reply templates: text with {{variables}} filled from the ticket, its contact and the
// agent sending it. Checked when a template is saved and while it is edited (an unknown or
// unclosed variable is an error there), and filled in the composer, where a variable without a
// value blocks sending: a customer never receives "{{...}}". Safe to import anywhere.

export const TEMPLATE_VARIABLES = {
  "contact.name": "the contact's name",
  "contact.email": "the contact's e-mail address",
  "contact.phone": "the contact's phone number",
  "ticket.number": "the ticket's number",
  "ticket.title": "the ticket's title",
  "ticket.status": "the ticket's status",
  "agent.name": "your name",
  "agent.email": "your e-mail address",
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);
}

/** What is wrong with a template, as messages for its field; empty when it is fine. */
export function templateProblems(body: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!isTemplateVariable(match[1])) unknown.add(match[1]);
  }
  if (unknown.size > 0) {
    const names = [...unknown].map((name) => `{{${name}}}`).join(", ");
    problems.push(
      `Unknown variable${unknown.size > 1 ? "s" : ""} ${names}. Use one of: ${Object.keys(TEMPLATE_VARIABLES)
        .map((name) => `{{${name}}}`)
        .join(", ")}.`,
    );
  }
  const rest = body.replace(PLACEHOLDER, "");
  if (rest.includes("{{") || rest.includes("}}"))
    problems.push("A variable is not closed: write it as {{contact.name}}.");
  return problems;
}

export type FilledTemplate = {
  text: string;
  /** Known variables that have no value here (e.g. {{ticket.number}} on a contact's page): left as written. */
  missing: TemplateVariable[];
};

/** Fills the variables that have a value; the others stay as written and are reported. */
export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const missing = new Set<TemplateVariable>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isTemplateVariable(name)) return whole;
    const value = values[name];
    if (value === null || value === undefined || value === "") {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

/** Why a message must not be sent as it is: it still holds a template variable. */
export function unfilledVariables(message: string): string[] {
  const found = [...message.matchAll(PLACEHOLDER)].map((match) => `{{${match[1]}}}`);
  const rest = message.replace(PLACEHOLDER, "");
  return rest.includes("{{") ? [...found, "{{"] : found;
}
