"use client";
// Sends a text message to a contact (messages.send: contactId, messageType "text" — the only
// documented type — and the message) through the proxy, which audits it. Used on ticket and
// contact pages. What was typed stays when sending fails; errors show by the field.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { formatTimestamp } from "@/components/ui/timestamp";
import { writtenText } from "@/lib/console/normalize/written-record";
import { consoleApi } from "@/lib/console/console-api";
import { formErrors, type FormErrors } from "@/lib/console/form-errors";
import ui from "@/components/ui/ui.module.css";
import styles from "./messages.module.css";

export function SendMessageForm({
  contactId,
  label,
  channel,
}: {
  contactId: string;
  label: string;
  channel?: string | null;
}) {
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sent, setSent] = useState<{ at: string; text: string } | null>(null);

  return (
    <form
      className={styles.messageForm}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!message.trim()) {
          setErrors({ fields: { message: ["Write a message first."] } });
          return;
        }
        setPending(true);
        setErrors(null);
        const answer = await consoleApi("/api/klink/v1/messages/send", {
          method: "POST",
          body: { contactId, messageType: "text", message },
        });
        setPending(false);
        if (answer.ok) {
          setSent({ at: writtenText(answer.data, "createdAt") ?? new Date().toISOString(), text: message });
          setMessage("");
        } else {
          setErrors(formErrors(answer.error, ["message", "contactId", "messageType"]));
        }
      }}
    >
      <Field
        label={label}
        error={errors?.fields.message ?? errors?.fields.contactId}
        hint={
          channel
            ? `Sent as a text message on the contact's ${channel} channel.`
            : "Sent as a text message on the contact's channel."
        }
      >
        <textarea
          name="message"
          value={message}
          rows={4}
          onChange={(event) => setMessage(event.target.value)}
          maxLength={10_000}
        />
      </Field>
      <div className={ui.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Sending…" : "Send message"}
        </Button>
      </div>
      <FormErrorSummary errors={errors} title="The message was not sent." shownFields={["message", "contactId"]} />
      <div role="status" aria-live="polite">
        {sent && !errors ? (
          <p className={styles.sentNote}>
            Sent {formatTimestamp(sent.at)}: “{sent.text.length > 80 ? `${sent.text.slice(0, 80)}…` : sent.text}”
          </p>
        ) : null}
      </div>
    </form>
  );
}
