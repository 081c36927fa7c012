"use client";
// A one-button form bound to a server action, with its result announced next to it.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/server-action";
import styles from "./webhooks.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ActionButton(props: { action: Action; label: string; fields: Record<string, string>; children?: React.ReactNode }) {
  const [result, formAction, pending] = useActionState(props.action, null);
  return (
    <form action={formAction} className={styles.form}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? "Working…" : props.label}
      </button>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? styles.ok : styles.error}>
          {result.ok ? result.message : result.error}
        </p>
      ) : null}
    </form>
  );
}
