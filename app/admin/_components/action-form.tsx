"use client";
// A form bound to a server action: shows the action's message or its (field) errors next to
// the form, and keeps the submit button disabled while the action runs.
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/server-action";
import styles from "../admin.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ActionForm(props: {
  action: Action;
  submitLabel: string;
  children?: ReactNode;
  variant?: "button" | "danger" | "plain";
  confirm?: string;
  /** Shown after success instead of the action's message (e.g. a key that is shown once). */
  renderSuccess?: (result: Extract<ActionResult, { ok: true }>) => ReactNode;
}) {
  const [result, formAction, pending] = useActionState(props.action, null);
  return (
    <form
      action={formAction}
      className={styles.form}
      onSubmit={(event) => {
        if (props.confirm && !window.confirm(props.confirm)) event.preventDefault();
      }}
    >
      {props.children}
      <button type="submit" className={styles[props.variant ?? "button"]} disabled={pending}>
        {pending ? "Working…" : props.submitLabel}
      </button>
      {result && !result.ok ? (
        <div role="alert" className={styles.error} style={{ flexBasis: "100%" }}>
          {result.error}
          {result.fields ? (
            <ul>
              {Object.entries(result.fields).map(([field, messages]) => (
                <li key={field}>
                  {field.replace(/^body\./, "")}: {messages.join(", ")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result?.ok ? (
        <div role="status" className={styles.ok} style={{ flexBasis: "100%" }}>
          {props.renderSuccess ? props.renderSuccess(result) : result.message}
        </div>
      ) : null}
    </form>
  );
}

export function Field(props: { label: string; name: string; type?: string; defaultValue?: string; required?: boolean; placeholder?: string; autoComplete?: string }) {
  return (
    <label className={styles.field}>
      {props.label}
      <input
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? "off"}
      />
    </label>
  );
}

export function Select(props: { label: string; name: string; options: readonly string[]; defaultValue?: string }) {
  return (
    <label className={styles.field}>
      {props.label}
      <select name={props.name} defaultValue={props.defaultValue}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
