"use client";
// A form bound to a server action (lib/doors/server-action.ts guardedAction): shows the action's
// message, or its errors next to the fields they belong to, and keeps the button disabled while
// it runs. Unlike a plain <form action>, it never clears what the user typed when the action
// fails; after a success it resets only when asked to (resetOnSuccess).
import { createContext, useContext, useRef, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/doors/server-action";
import { Button, type ButtonVariant } from "./button";
import styles from "./ui.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

const FieldErrors = createContext<Record<string, string[]>>({});

/** The errors the last run of the surrounding ActionForm reported for `name` (e.g. "email", "body.email"). */
export function useFieldError(name: string): string[] | undefined {
  const fields = useContext(FieldErrors);
  return fields[name] ?? fields[`body.${name}`];
}

export function ActionForm(props: {
  action: Action;
  submitLabel: string;
  children?: ReactNode;
  variant?: ButtonVariant;
  /** Asked in a confirm() before the action runs. */
  confirm?: string;
  resetOnSuccess?: boolean;
  className?: string;
  /** Shown after success instead of the action's message (e.g. a key that is shown once). */
  renderSuccess?: (result: Extract<ActionResult, { ok: true }>) => ReactNode;
  onSuccess?: (result: Extract<ActionResult, { ok: true }>) => void;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const unplaced = Object.entries(fields);
  return (
    <form
      ref={form}
      className={props.className ?? styles.form}
      noValidate={false}
      onSubmit={(event) => {
        event.preventDefault();
        if (props.confirm && !window.confirm(props.confirm)) return;
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const outcome = await props.action(result, data);
          setResult(outcome);
          if (outcome.ok) {
            if (props.resetOnSuccess) form.current?.reset();
            props.onSuccess?.(outcome);
          }
        });
      }}
    >
      <FieldErrors.Provider value={fields}>{props.children}</FieldErrors.Provider>
      <div className={styles.actions}>
        <Button type="submit" variant={props.variant ?? "primary"} disabled={pending}>
          {pending ? "Working…" : props.submitLabel}
        </Button>
      </div>
      {result && !result.ok ? (
        <div role="alert" className={styles.fieldError}>
          {result.error}
          {unplaced.length ? (
            <ul>
              {unplaced.map(([field, messages]) => (
                <li key={field}>
                  {field.replace(/^body\./, "")}: {messages.join(", ")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result?.ok ? (
        <div role="status" style={{ color: "var(--ok)" }}>
          {props.renderSuccess ? props.renderSuccess(result) : result.message}
        </div>
      ) : null}
    </form>
  );
}
