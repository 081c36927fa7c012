"use client";
// The Details section of a ticket: the read-only fields (server-rendered, passed in), and for
// agents and admins an edit form in their place — title, description, the tenant's select
// fields (priority, channel …), tags and custom fields by type. Custom fields are read in any
// form K-LINK sends them and sent as the map that create and update take. Only what changed is
// sent (PATCH through the proxy); errors appear by their fields and what was typed stays.
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { consoleApi } from "@/lib/console/console-api";
import { customFieldMap, customFieldsOf } from "@/lib/console/normalize/custom-fields";
import {
  customFieldDefs,
  isCustomFieldKey,
  kindOf,
  type FormField,
  type Ticket,
} from "@/lib/console/ticket-field-model";
import { formErrors, type FormErrors } from "@/lib/console/form-errors";
import { bodyValueOf, checkInputs, inputValueOf, type InputValue } from "@/lib/console/ticket-form-values";
import { CollisionWarning } from "@/components/collab/collision-warning";
import { usePresenceActivity } from "@/components/collab/presence";
import { useCollisionCheck, type WatchedRecords } from "@/components/collab/use-collision-check";
import { FormFieldInput } from "./form-field-input";
import { TagPicker, type TagChoice } from "./tag-picker";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";
import { uriComponent } from "@/lib/http/uri-component";

const FALLBACK: Record<string, FormField> = {
  title: { id: "title", system_name: "title", display_name: "Title", type: "text", is_required: true },
  description: { id: "description", system_name: "description", display_name: "Description", type: "textarea" },
};

/** The ticket's own fields the form edits: title, description and the tenant's select fields except status (it has its own control). */
export function editableSystemFields(fields: readonly FormField[]): FormField[] {
  const named = (name: string) => fields.find((f) => f.system_name === name) ?? FALLBACK[name];
  const selects = fields.filter(
    (f) => !isCustomFieldKey(f.system_name) && !f.is_archived && f.system_name !== "status" && kindOf(f) === "select",
  );
  return [{ ...named("title"), is_required: true }, named("description"), ...selects];
}

const fieldKey = (field: FormField) =>
  isCustomFieldKey(field.system_name) ? `customFields.${field.system_name}` : field.system_name;

export function TicketEditor({
  ticket,
  fields,
  tags,
  canWrite,
  watch,
  children,
}: {
  ticket: Ticket;
  fields: FormField[];
  tags: TagChoice[] | null;
  canWrite: boolean;
  /** The records whose changes by others are shown before an edit is saved. */
  watch?: WatchedRecords;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Focus returns to the Edit button when the form closes (not on the first render).
  useEffect(() => {
    if (editing) opened.current = true;
    else if (opened.current) editButton.current?.focus();
  }, [editing]);
  return (
    <section className={ui.section} aria-labelledby="ticket-details-title">
      <div className={styles.sectionHead}>
        <h2 id="ticket-details-title">{editing ? "Edit ticket" : "Details"}</h2>
        {canWrite && !editing ? (
          <button
            ref={editButton}
            type="button"
            className={buttonClass("secondary", "small")}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit
          </button>
        ) : null}
      </div>
      {saved && !editing ? (
        <div role="status" className={styles.savedNote}>
          Changes saved.
        </div>
      ) : null}
      {editing ? (
        <TicketEditForm
          ticket={ticket}
          fields={fields}
          tags={tags}
          watch={watch}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        children
      )}
    </section>
  );
}

function TicketEditForm({
  ticket,
  fields,
  tags,
  watch,
  onCancel,
  onSaved,
}: {
  ticket: Ticket;
  fields: FormField[];
  tags: TagChoice[] | null;
  watch?: WatchedRecords;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const router = useRouter();
  const collisions = useCollisionCheck(watch);
  // Others on the page see "… is editing" while this form is open.
  const reportActivity = usePresenceActivity();
  useEffect(() => {
    reportActivity("editing", true);
    return () => reportActivity("editing", false);
  }, [reportActivity]);
  const formRef = useRef<HTMLFormElement>(null);
  // The form takes the place of the details: focus moves into it.
  useEffect(() => formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus(), []);
  const system = editableSystemFields(fields);
  const custom = customFieldDefs(fields);
  const stored = customFieldMap(customFieldsOf(ticket));
  const [initial] = useState(() => {
    const values: Record<string, InputValue> = {};
    for (const f of system) values[f.system_name] = inputValueOf(kindOf(f), ticket[f.system_name]);
    for (const f of custom) values[f.system_name] = inputValueOf(kindOf(f), stored[f.system_name]);
    return { values, tags: (ticket.tags ?? []).map((t) => t.id) };
  });
  const [values, setValues] = useState(initial.values);
  const [chosenTags, setChosenTags] = useState(initial.tags);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);
  const [nothing, setNothing] = useState(false);
  const all = [...system, ...custom];
  // Editing a field clears its error; the others stay until the next submit.
  const change = (field: FormField) => (value: InputValue) => {
    setValues((current) => ({ ...current, [field.system_name]: value }));
    setErrors((current) =>
      current?.fields[fieldKey(field)]
        ? {
            ...current,
            fields: Object.fromEntries(Object.entries(current.fields).filter(([k]) => k !== fieldKey(field))),
          }
        : current,
    );
  };

  const body = () => {
    const changes: Record<string, unknown> = {};
    const customChanges: Record<string, unknown> = {};
    for (const field of all) {
      const kind = kindOf(field);
      const next = bodyValueOf(kind, values[field.system_name]);
      if (JSON.stringify(next) === JSON.stringify(bodyValueOf(kind, initial.values[field.system_name]))) continue;
      if (isCustomFieldKey(field.system_name)) customChanges[field.system_name] = next;
      // A ticket's own fields cannot be emptied through the API (only the description can be blank).
      else if (next !== null) changes[field.system_name] = next;
      else if (field.system_name === "description") changes.description = "";
    }
    if (Object.keys(customChanges).length) changes.customFields = customChanges;
    if ([...chosenTags].sort().join() !== [...initial.tags].sort().join()) changes.tags = chosenTags;
    return changes;
  };

  const save = async (changes: Record<string, unknown>) => {
    setPending(true);
    const answer = await consoleApi(`/api/klink/v1/tickets/${uriComponent(ticket.id)}`, {
      method: "PATCH",
      body: changes,
    });
    setPending(false);
    if (!answer.ok) {
      setErrors(formErrors(answer.error, [...all.map(fieldKey), "tags"]));
      return;
    }
    router.refresh();
    onSaved();
  };

  return (
    <form
      ref={formRef}
      className={styles.editForm}
      noValidate
      aria-label="Edit ticket"
      onSubmit={async (event) => {
        event.preventDefault();
        setNothing(false);
        const problems = checkInputs(all, values);
        if (Object.keys(problems).length) {
          setErrors({
            fields: Object.fromEntries(
              Object.entries(problems).map(([k, v]) => [isCustomFieldKey(k) ? `customFields.${k}` : k, v]),
            ),
            summary: "Check the fields marked below.",
          });
          return;
        }
        const changes = body();
        if (!Object.keys(changes).length) {
          setErrors(null);
          setNothing(true);
          return;
        }
        if (await collisions.check()) return;
        await save(changes);
      }}
    >
      {collisions.changes ? (
        <CollisionWarning
          changes={collisions.changes}
          what="edit"
          onProceed={async () => {
            collisions.acknowledge();
            await save(body());
          }}
          onCancel={collisions.dismiss}
        />
      ) : null}
      <FormErrorSummary
        errors={errors}
        title="The ticket was not saved."
        shownFields={[...all.map(fieldKey), "tags"]}
      />
      <div className={ui.formRow}>
        {system
          .filter((f) => f.system_name === "title")
          .map((f) => (
            <FormFieldInput
              key={f.system_name}
              field={f}
              id="edit-title"
              value={values.title}
              error={errors?.fields.title}
              onChange={change(f)}
            />
          ))}
      </div>
      {system
        .filter((f) => f.system_name === "description")
        .map((f) => (
          <FormFieldInput
            key={f.system_name}
            field={f}
            id="edit-description"
            value={values.description}
            error={errors?.fields.description}
            onChange={change(f)}
          />
        ))}
      <div className={ui.formRow}>
        {system
          .filter((f) => f.system_name !== "title" && f.system_name !== "description")
          .map((f) => (
            <FormFieldInput
              key={f.system_name}
              field={f}
              id={`edit-${f.system_name}`}
              value={values[f.system_name]}
              error={errors?.fields[f.system_name]}
              onChange={change(f)}
            />
          ))}
      </div>
      {tags ? (
        <TagPicker tags={tags} chosen={chosenTags} onChange={setChosenTags} error={errors?.fields.tags} />
      ) : (
        <p className={styles.fieldNote}>Tags cannot be changed: the tag list could not be loaded.</p>
      )}
      {custom.length ? (
        <fieldset className={styles.groupFieldset}>
          <legend>Custom fields</legend>
          <div className={ui.formRow}>
            {custom.map((f) => (
              <FormFieldInput
                key={f.system_name}
                field={f}
                id={`edit-${f.system_name}`}
                value={values[f.system_name]}
                error={errors?.fields[`customFields.${f.system_name}`]}
                onChange={change(f)}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className={ui.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <span role="status" className={styles.fieldNote}>
          {nothing ? "Nothing has changed." : ""}
        </span>
      </div>
    </form>
  );
}
