"use client";
// Create or change a canned reply. The text is checked while it is typed: an unknown or unclosed
// {{variable}} is shown at once (and the server refuses it too), with a preview filled with
// sample values.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { consoleApi } from "@/lib/console/console-api";
import { formErrors, type FormErrors } from "@/lib/console/form-errors";
import type { PublicCannedReply } from "@/lib/canned-replies/canned-reply-input";
import { TEMPLATE_VARIABLES, fillTemplate, templateProblems, type TemplateValues } from "@/lib/canned-replies/template";
import ui from "@/components/ui/ui.module.css";
import styles from "./canned-replies.module.css";

const SAMPLE: TemplateValues = {
  "contact.name": "Aye Aye",
  "contact.email": "aye@example.com",
  "contact.phone": "+95 9 123 456",
  "ticket.number": "1042",
  "ticket.title": "Printer on fire",
  "ticket.status": "Open",
  "agent.name": "You",
  "agent.email": "you@example.com",
};

export function CannedReplyForm({
  reply,
  canShare,
  onDone,
  onCancel,
}: {
  reply?: PublicCannedReply;
  canShare: boolean;
  onDone: (saved: PublicCannedReply) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(reply?.name ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const [shared, setShared] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);
  const problems = templateProblems(body);
  const idPrefix = reply ? `reply-${reply.id}` : "new-reply";

  return (
    <form
      className={styles.form}
      noValidate
      aria-label={reply ? `Edit ${reply.name}` : "New canned reply"}
      onSubmit={async (event) => {
        event.preventDefault();
        if (problems.length) {
          setErrors({ fields: { body: problems } });
          return;
        }
        setPending(true);
        setErrors(null);
        const answer = await consoleApi<PublicCannedReply>(
          reply ? `/api/canned-replies/${encodeURIComponent(reply.id)}` : "/api/canned-replies",
          { method: reply ? "PATCH" : "POST", body: reply ? { name, body } : { name, body, shared } },
        );
        setPending(false);
        if (!answer.ok) {
          setErrors(
            formErrors({ ...answer.error, fields: unprefixed(answer.error.fields) }, ["name", "body", "shared"]),
          );
          return;
        }
        if (!reply) {
          setName("");
          setBody("");
          setShared(false);
        }
        onDone(answer.data);
      }}
    >
      <FormErrorSummary errors={errors} title="The canned reply was not saved." shownFields={["name", "body"]} />
      <Field label="Name" error={errors?.fields.name} required>
        <input id={`${idPrefix}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field
        label="Text"
        required
        error={problems.length ? problems : errors?.fields.body}
        hint={`Variables: ${Object.keys(TEMPLATE_VARIABLES)
          .map((v) => `{{${v}}}`)
          .join(" ")}`}
      >
        <textarea
          id={`${idPrefix}-body`}
          value={body}
          rows={4}
          maxLength={5_000}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      {body && !problems.length ? (
        <div className={styles.preview}>
          <span className={ui.muted}>Preview with sample values:</span>
          <p>{fillTemplate(body, SAMPLE).text}</p>
        </div>
      ) : null}
      {!reply && canShare ? (
        <label className={styles.check}>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Shared with everyone
        </label>
      ) : null}
      <div className={ui.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : reply ? "Save" : "Add canned reply"}
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}

/** The API names body fields "body.name"; the form's fields are "name". */
function unprefixed(fields: Record<string, string[]> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key.replace(/^body\./, ""), value]));
}
