"use client";
// "Save view" on a list page: names the list's current filters, page size and sort as a saved
// view, personal or (agents and admins) shared with everyone, and optionally the view the list
// opens with. The navigation shows it at once (the layout is refreshed).
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { consoleApi, fieldErrors } from "@/lib/console/console-api";
import type { ViewList } from "@/lib/views/view-query";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import styles from "./views.module.css";

export function SaveViewButton({ list, query, canShare }: { list: ViewList; query: string; canShare: boolean }) {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await consoleApi<{ data: { name: string } }>("/api/views", {
      method: "POST",
      body: {
        list,
        query,
        name: String(form.get("name") ?? ""),
        shared: form.get("shared") === "on",
        makeDefault: form.get("makeDefault") === "on",
      },
    });
    setBusy(false);
    if (!result.ok) {
      const fields = fieldErrors(result.error);
      setErrors(Object.keys(fields).length ? fields : { form: [result.error.message] });
      return;
    }
    setErrors({});
    setOpen(false);
    setMessage(`View “${result.data.data.name}” saved.`);
    toggle.current?.focus();
    router.refresh();
  }

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className={buttonClass()}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((v) => !v)}
      >
        Save view
      </button>
      <span role="status" className={styles.hidden}>
        {message}
      </span>
      {open ? (
        <form id={formId} className={styles.saveForm} onSubmit={submit} aria-label="Save this list as a view">
          <Field label="View name" error={errors.name} required>
            <input name="name" maxLength={80} autoFocus autoComplete="off" />
          </Field>
          {canShare ? (
            <label className={styles.check}>
              <input type="checkbox" name="shared" /> Share with everyone
            </label>
          ) : null}
          <label className={styles.check}>
            <input type="checkbox" name="makeDefault" /> Open the list with this view
          </label>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </Button>
          {errors.form ? <p className={styles.error}>{errors.form.join(" ")}</p> : null}
        </form>
      ) : null}
    </>
  );
}
