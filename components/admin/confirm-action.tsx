"use client";
// A destructive server action behind a confirmation dialog (ConfirmDialog: focus moves in,
// Escape cancels, focus returns), with its outcome announced next to the button.
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/doors/server-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import ui from "@/components/ui/ui.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ConfirmAction(props: {
  action: Action;
  fields: Record<string, string>;
  trigger: string;
  title: string;
  confirmLabel: string;
  children?: ReactNode;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span style={{ display: "inline-grid", gap: "0.25rem" }}>
      <ConfirmDialog
        trigger={pending ? "Working…" : props.trigger}
        title={props.title}
        confirmLabel={props.confirmLabel}
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const form = new FormData();
            for (const [name, value] of Object.entries(props.fields)) form.set(name, value);
            setResult(await props.action(null, form));
          })
        }
      >
        {props.children}
      </ConfirmDialog>
      <span
        role={result && !result.ok ? "alert" : "status"}
        className={result && !result.ok ? ui.fieldError : ui.muted}
      >
        {result ? (result.ok ? result.message : result.error) : null}
      </span>
    </span>
  );
}
