"use client";
// The new ticket form, built from the tenant's ticket form fields: the ticket's own fields
// (title, description, status, priority, channel …) with their options and defaults, a contact
// picker, tags, and the custom fields by type. Required fields and formats are checked before
// sending; the console's and K-LINK's refusals appear by their fields; what was typed stays.
// On success the new ticket opens.
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { writtenText } from "@/lib/console/normalize/written-record";
import { consoleApi } from "@/lib/console/console-api";
import { customFieldDefs, isCustomFieldKey, kindOf, type FormField } from "@/lib/console/ticket-field-model";
import { formErrors, type FormErrors } from "@/lib/console/form-errors";
import { bodyValueOf, checkInputs, inputValueOf, type InputValue } from "@/lib/console/ticket-form-values";
import { ContactPicker, type PickedContact } from "./contact-picker";
import { FormFieldInput } from "./form-field-input";
import { TagPicker, type TagChoice } from "./tag-picker";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";
import { uriComponent } from "@/lib/http/uri-component";

const TITLE: FormField = { id: "title", system_name: "title", display_name: "Title", type: "text", is_required: true };

/** The ticket's own fields, in the tenant's order; the title is always there and required. */
function systemFields(fields: readonly FormField[]): FormField[] {
  const own = fields.filter((f) => !isCustomFieldKey(f.system_name) && !f.is_archived);
  const title = own.find((f) => f.system_name === "title");
  return [{ ...(title ?? TITLE), is_required: true }, ...own.filter((f) => f.system_name !== "title")];
}

function initialValue(field: FormField): InputValue {
  const kind = kindOf(field);
  const preset = field.options?.find((o) => o.is_default)?.value;
  // Defaults of the ticket's own selects apply; custom selects start empty unless required.
  const usePreset = preset !== undefined && (!isCustomFieldKey(field.system_name) || field.is_required);
  return inputValueOf(kind, usePreset ? (kind === "multiselect" ? [preset] : preset) : undefined);
}

const keyOf = (field: FormField) =>
  isCustomFieldKey(field.system_name) ? `customFields.${field.system_name}` : field.system_name;

export function NewTicketForm({
  fields,
  tags,
  initialContact,
}: {
  fields: FormField[];
  tags: TagChoice[] | null;
  initialContact: PickedContact | null;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const own = systemFields(fields);
  const custom = customFieldDefs(fields);
  const all = [...own, ...custom];
  const [values, setValues] = useState<Record<string, InputValue>>(() =>
    Object.fromEntries(all.map((f) => [f.system_name, initialValue(f)])),
  );
  const [contact, setContact] = useState<PickedContact | null>(initialContact);
  const [chosenTags, setChosenTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const known = [...all.map(keyOf), "contact_id", "tags"];

  // After a refused submit, focus goes to the first field with an error (or the summary).
  useEffect(() => {
    if (!attempt) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>("[data-form-summary]");
    target?.focus();
  }, [attempt]);

  // Editing a field clears its error; the others stay until the next submit.
  const clearError = (key: string) =>
    setErrors((current) =>
      current?.fields[key]
        ? { ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([k]) => k !== key)) }
        : current,
    );
  const set = (field: FormField) => (value: InputValue) => {
    setValues((current) => ({ ...current, [field.system_name]: value }));
    clearError(keyOf(field));
  };
  const fieldFor = (f: FormField, wide = false) => (
    <div key={f.system_name} className={wide ? styles.wide : undefined}>
      <FormFieldInput
        field={f}
        id={`new-${f.system_name}`}
        value={values[f.system_name]}
        error={errors?.fields[keyOf(f)]}
        onChange={set(f)}
      />
    </div>
  );

  async function submit() {
    const problems = checkInputs(all, values);
    const fieldProblems: Record<string, string[]> = Object.fromEntries(
      Object.entries(problems).map(([k, v]) => [isCustomFieldKey(k) ? `customFields.${k}` : k, v]),
    );
    if (!contact) fieldProblems.contact_id = ["Choose the contact this ticket is for."];
    if (Object.keys(fieldProblems).length) {
      setErrors({ fields: fieldProblems, summary: "Check the fields marked below." });
      setAttempt((n) => n + 1);
      return;
    }
    const body: Record<string, unknown> = { contact_id: contact!.id };
    const customFields: Record<string, unknown> = {};
    for (const field of all) {
      const value = bodyValueOf(kindOf(field), values[field.system_name]);
      if (value === null || value === false || (Array.isArray(value) && !value.length)) continue;
      if (isCustomFieldKey(field.system_name)) customFields[field.system_name] = value;
      else body[field.system_name] = value;
    }
    if (Object.keys(customFields).length) body.customFields = customFields;
    if (chosenTags.length) body.tags = chosenTags;
    setPending(true);
    const answer = await consoleApi("/api/klink/v1/tickets", { method: "POST", body });
    const createdId = answer.ok ? writtenText(answer.data, "id") : null;
    if (createdId) {
      router.push(`/tickets/${uriComponent(createdId)}`);
      return;
    }
    setPending(false);
    if (answer.ok) {
      setErrors({
        fields: {},
        summary: "K-LINK created the ticket but did not say its id; find it at the top of the ticket list.",
      });
    } else {
      setErrors(formErrors(answer.error, known));
    }
    setAttempt((n) => n + 1);
  }

  const selects = own.filter((f) => f.system_name !== "title" && f.system_name !== "description");
  const description = own.find((f) => f.system_name === "description");
  return (
    <form
      ref={form}
      className={styles.ticketForm}
      noValidate
      aria-label="New ticket"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {errors?.summary ? (
        <div tabIndex={-1} data-form-summary>
          <FormErrorSummary errors={errors} title="The ticket was not created." shownFields={known} />
        </div>
      ) : null}
      <div className={styles.formColumns}>
        <div className={styles.formStack}>
          <div className={ui.section}>
            <h2 className={styles.formSectionTitle}>Ticket</h2>
            <div className={styles.formGrid}>
              {fieldFor(own[0], true)}
              {description ? fieldFor(description, true) : null}
              {selects.map((f) => fieldFor(f))}
            </div>
          </div>
          {custom.length ? (
            <div className={ui.section}>
              <h2 className={styles.formSectionTitle}>Custom fields</h2>
              <div className={styles.formGrid}>
                {custom.map((f) => fieldFor(f, kindOf(f) === "textarea" || kindOf(f) === "multiselect"))}
              </div>
            </div>
          ) : null}
        </div>
        <div className={ui.section}>
          <h2 className={styles.formSectionTitle}>Contact and tags</h2>
          <div className={styles.formStack}>
            <ContactPicker
              value={contact}
              onChange={(picked) => {
                setContact(picked);
                if (picked) clearError("contact_id");
              }}
              error={errors?.fields.contact_id}
              required
            />
            {tags ? (
              <TagPicker tags={tags} chosen={chosenTags} onChange={setChosenTags} error={errors?.fields.tags} />
            ) : (
              <p className={styles.fieldNote}>Tags cannot be set: the tag list could not be loaded.</p>
            )}
          </div>
        </div>
      </div>
      <div className={`${ui.actions} ${styles.formActions}`}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create ticket"}
        </Button>
        <ButtonLink href="/tickets" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
