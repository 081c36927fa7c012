"use client";
// One input for one of the tenant's ticket fields, by its type: text, long text, number, date
// (a date input gives YYYY-MM-DD), select and multi-select with the tenant's options, checkbox.
// A type the console does not know is edited as text. Controlled: the form holds every value.
import { Field } from "@/components/ui/field";
import { humanize, kindOf, optionsWith, type FormField } from "@/lib/console/ticket-field-model";
import type { InputValue } from "@/lib/console/ticket-form-values";
import styles from "./tickets.module.css";

export function FormFieldInput({
  field,
  value,
  onChange,
  error,
  id,
}: {
  field: FormField;
  value: InputValue;
  onChange: (value: InputValue) => void;
  error?: string[];
  id?: string;
}) {
  const kind = kindOf(field);
  const label = field.display_name || humanize(field.system_name);
  const inputId = id ?? `field-${field.system_name}`;
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label || o.value }));
  const required = Boolean(field.is_required) && kind !== "checkbox";

  if (kind === "checkbox") {
    return (
      <div className={styles.checkboxField}>
        <label>
          <input
            id={inputId}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            aria-invalid={error?.length ? true : undefined}
            aria-describedby={error?.length ? `${inputId}-error` : undefined}
          />
          {label}
        </label>
        {error?.length ? (
          <p id={`${inputId}-error`} className={styles.inlineError}>
            {error.join(" ")}
          </p>
        ) : null}
      </div>
    );
  }

  if (kind === "multiselect") {
    const chosen = Array.isArray(value) ? value : [];
    const errorId = `${inputId}-error`;
    return (
      <fieldset
        className={styles.choiceFieldset}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={error?.length ? errorId : undefined}
      >
        <legend>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </legend>
        <div className={styles.choices}>
          {optionsWith(options, undefined)
            .concat(
              chosen
                .filter((c) => !options.some((o) => o.value === c))
                .map((c) => ({ value: c, label: `${c} (not an option)` })),
            )
            .map((o) => (
              <label key={o.value} className={styles.choice}>
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(event) =>
                    onChange(event.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))
                  }
                />
                {o.label}
              </label>
            ))}
        </div>
        {error?.length ? (
          <p id={errorId} className={styles.inlineError}>
            {error.join(" ")}
          </p>
        ) : null}
      </fieldset>
    );
  }

  const text = typeof value === "string" ? value : "";
  const hint = field.is_unique ? "Must be unique" : undefined;
  return (
    <Field label={label} required={required} error={error} hint={hint}>
      {kind === "textarea" ? (
        <textarea
          id={inputId}
          name={field.system_name}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          rows={5}
        />
      ) : kind === "select" ? (
        <select id={inputId} name={field.system_name} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{required ? "Choose…" : "—"}</option>
          {optionsWith(options, text).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={inputId}
          name={field.system_name}
          type={kind === "number" ? "number" : kind === "date" ? "date" : "text"}
          step={kind === "number" ? "any" : undefined}
          inputMode={kind === "number" ? "decimal" : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
