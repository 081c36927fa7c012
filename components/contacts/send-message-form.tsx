"use client";
// Send a text message to the contact on their channel (messages.send). Only the "text" message
// type is documented, so that is the type sent. What was typed stays on error.
import { useId, useState } from "react";
import { consoleApi, type ConsoleApiError } from "@/lib/console/klink-fetch";
import { callFieldErrors } from "@/lib/console/upstream-field-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RequestId } from "@/components/ui/notice";
import { formatTimestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";

type Sent = { data?: { createdAt?: string | null; id?: string } };

export function SendMessageForm({ contactId, channel }: { contactId: string; channel?: string | null }) {
  const [message, setMessage] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ConsoleApiError | null>(null);
  const [sent, setSent] = useState("");
  const id = useId();
  const fieldError = error ? callFieldErrors(error).message : undefined;

  return (
    <form
      className={styles.composer}
      onSubmit={async (event) => {
        event.preventDefault();
        setSending(true);
        setError(null);
        setSent("");
        const result = await consoleApi<Sent>("/api/klink/v1/messages/send", { method: "POST", body: { contactId, messageType: "text", message } });
        setSending(false);
        if (!result.ok) return setError(result.error);
        setMessage("");
        setSent(`Sent ${formatTimestamp(result.data.data?.createdAt ?? new Date().toISOString())}.`);
      }}
    >
      <Field label="Message" hint={channel ? `Goes out on the contact's ${channel} channel.` : "Goes out on the contact's channel."} error={fieldError}>
        <textarea id={`${id}-message`} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={10_000} required />
      </Field>
      <div className={ui.actions}>
        <Button type="submit" variant="primary" disabled={sending || !message.trim()}>
          {sending ? "Sending…" : "Send message"}
        </Button>
      </div>
      <div aria-live="polite">{sent ? <p className={styles.status}>{sent}</p> : null}</div>
      {error && !fieldError ? (
        <p role="alert" className={ui.fieldError}>
          The message was not sent: {error.message} {error.requestId ? <RequestId id={error.requestId} /> : null}
        </p>
      ) : null}
    </form>
  );
}
