"use client";
// Create or edit a contact. The controls come from the tenant's contact form fields
// (lib/console/contact-form.ts); errors show by their fields — the console's own checks first,
// then the proxy's and K-LINK's — and nothing typed is lost when the save fails.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactElement } from "react";
import type { FormField } from "@/lib/console/contact-details";
import { contactBody, formErrors, type ContactFormValues, type FormControl } from "@/lib/console/contact-form";
import { writtenText } from "@/lib/console/normalize/written-record";
import { consoleApi, type ConsoleApiError } from "@/lib/console/console-api";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice, RequestId } from "@/components/ui/notice";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

type Props = {
  mode: "create" | "edit";
  controls: FormControl[];
  fields: FormField[];
  initial: ContactFormValues;
  contactId?: string;
  cancelHref: string;
};

const controlId = (key: string) => `contact-${key.replace(/[^\w-]/g, "_")}`;

function ListControl({
  control,
  values,
  errors,
  onChange,
}: {
  control: FormControl;
  values: string[];
  errors: Record<string, string[]>;
  onChange: (next: string[]) => void;
}) {
  const noun = control.kind === "emails" ? "e-mail address" : "phone number";
  return (
    <fieldset className={ui.field} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend className={ui.fieldLabel} style={{ padding: 0, marginBottom: "0.25rem" }}>
        {control.label}
      </legend>
      {values.map((value, index) => {
        const id = `${controlId(control.key)}-${index}`;
        const error = errors[`${control.key}.${index}`];
        return (
          <div key={index} style={{ display: "grid", gap: "0.25rem", marginBottom: "0.4rem" }}>
            <div className={styles.listRow}>
              <input
                id={id}
                type={control.kind === "emails" ? "email" : "tel"}
                value={value}
                aria-label={`${noun[0].toUpperCase()}${noun.slice(1)} ${index + 1}${index === 0 ? " (primary)" : ""}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                autoComplete={control.kind === "emails" ? "email" : "tel"}
                onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
              />
              {values.length > 1 ? (
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={`Remove ${noun} ${index + 1}`}
                  onClick={() => onChange(values.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              ) : null}
            </div>
            {error ? (
              <p id={`${id}-error`} className={ui.fieldError}>
                {error.join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <Button size="small" onClick={() => onChange([...values, ""])}>
          Add another {noun}
        </Button>
      </div>
      <span className={ui.fieldHint}>The first one is the primary {noun}.</span>
    </fieldset>
  );
}

function ScalarControl({
  control,
  value,
  error,
  onChange,
}: {
  control: FormControl;
  value: string;
  error?: string[];
  onChange: (value: string) => void;
}) {
  const id = controlId(control.key);
  const common = { id, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  let input: ReactElement<{ id?: string }>;
  if (control.kind === "textarea") input = <textarea {...common} />;
  else if (control.kind === "select") {
    // A value the tenant no longer offers stays selectable, so opening the form never changes it.
    const offered = control.options.some((o) => o.value === value);
    input = (
      <select {...common}>
        {!control.required || !value ? <option value="">{control.required ? "Choose…" : "—"}</option> : null}
        {value && !offered ? <option value={value}>{value} (no longer an option)</option> : null}
        {control.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (control.kind === "date") input = <input {...common} type="date" />;
  else if (control.kind === "number") input = <input {...common} type="number" step="any" inputMode="decimal" />;
  else input = <input {...common} type="text" autoComplete={control.key === "name" ? "name" : "off"} />;
  return (
    <div className={control.kind === "textarea" ? styles.wide : undefined}>
      <Field label={control.label} required={control.required} error={error}>
        {input}
      </Field>
    </div>
  );
}

export function ContactForm({ mode, controls, fields, initial, contactId, cancelHref }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<ConsoleApiError | null>(null);
  const [info, setInfo] = useState("");
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const placed = new Set(
    controls.flatMap((c) =>
      c.kind === "emails" || c.kind === "phones" ? values[c.kind].map((_, i) => `${c.key}.${i}`) : [c.key],
    ),
  );
  const errorEntries = Object.entries(errors);
  const labelOf = (key: string) => {
    const control = controls.find((c) => c.key === key || key.startsWith(`${c.key}.`));
    if (!control) return key;
    const index = /\.(\d+)$/.exec(key);
    if (!index || (control.kind !== "emails" && control.kind !== "phones")) return control.label;
    return `${control.kind === "emails" ? "E-mail address" : "Phone number"} ${Number(index[1]) + 1}`;
  };
  const showErrors = (next: Record<string, string[]>) => {
    setErrors(next);
    requestAnimationFrame(() => summary.current?.focus());
  };

  async function submit() {
    setFailure(null);
    setInfo("");
    const { body, errors: local } = contactBody(controls, fields, values, mode === "edit" ? initial : undefined);
    if (Object.keys(local).length) return showErrors(local);
    setErrors({});
    if (mode === "edit" && Object.keys(body).length === 0) return setInfo("Nothing to save: no field was changed.");
    setSaving(true);
    const result =
      mode === "create"
        ? await consoleApi("/api/klink/v1/contacts", { method: "POST", body })
        : await consoleApi(`/api/klink/v1/contacts/${uriComponent(contactId!)}`, {
            method: "PATCH",
            body,
          });
    if (!result.ok) {
      setSaving(false);
      const byField = formErrors(result.error);
      if (Object.keys(byField).length) showErrors(byField);
      else setFailure(result.error);
      return;
    }
    const savedId = writtenText(result.data, "id") ?? contactId;
    // Created, but K-LINK's answer did not say as whom: the list shows the newest contacts first.
    router.push(savedId ? `/contacts/${uriComponent(savedId)}` : "/contacts");
  }

  const system = controls.filter((c) => !c.custom);
  const custom = controls.filter((c) => c.custom);
  const render = (control: FormControl) =>
    control.kind === "emails" || control.kind === "phones" ? (
      <ListControl
        key={control.key}
        control={control}
        values={values[control.kind]}
        errors={errors}
        onChange={(next) => setValues({ ...values, [control.kind]: next.length ? next : [""] })}
      />
    ) : (
      <ScalarControl
        key={control.key}
        control={control}
        value={values.fields[control.key] ?? ""}
        error={errors[control.key]}
        onChange={(value) => setValues({ ...values, fields: { ...values.fields, [control.key]: value } })}
      />
    );

  return (
    <form
      noValidate
      className={ui.form}
      style={{ maxWidth: "56rem" }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {errorEntries.length ? (
          <div className={`${ui.notice} ${ui["notice-error"]} ${styles.errorSummary}`} role="alert">
            <strong>
              {mode === "create" ? "The contact was not created." : "The changes were not saved."} Please check:
            </strong>
            <ul>
              {errorEntries.map(([key, messages]) => (
                <li key={key}>
                  {placed.has(key) ? (
                    <a href={`#${controlId(key.replace(/\.(\d+)$/, "-$1"))}`}>{labelOf(key)}</a>
                  ) : (
                    labelOf(key)
                  )}
                  : {messages.join(" ")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {failure ? (
        <Notice tone="error" title={mode === "create" ? "The contact was not created." : "The changes were not saved."}>
          {failure.message} {failure.requestId ? <RequestId id={failure.requestId} /> : null}
        </Notice>
      ) : null}
      {info ? <Notice tone="info">{info}</Notice> : null}

      <section className={`${ui.section} ${styles.formSection}`} aria-labelledby="contact-form-main">
        <h2 id="contact-form-main">Contact</h2>
        <div className={styles.formGrid}>{system.map(render)}</div>
      </section>
      {custom.length ? (
        <section className={`${ui.section} ${styles.formSection}`} aria-labelledby="contact-form-custom">
          <h2 id="contact-form-custom">Custom fields</h2>
          <div className={styles.formGrid}>{custom.map(render)}</div>
        </section>
      ) : null}
      <div className={ui.actions}>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? "Saving…" : mode === "create" ? "Create contact" : "Save changes"}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
