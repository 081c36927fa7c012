"use client";
// Sends a text message to a contact (messages.send: contactId, messageType "text" — the only
// documented type — and the message) through the proxy, which audits it. Used on ticket and
// contact pages. What was typed stays when sending fails; errors show by the field.
//
// Canned replies are picked from a menu or by typing `/`, inserted with their variables filled in,
// and can be edited before sending; a message that still holds a {{variable}} is never sent.
// Before sending, the record's changes by someone else since the page loaded (the console's own
// writes and K-LINK's webhooks) are shown, and the message goes only once the user confirms.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { formatTimestamp } from "@/components/ui/timestamp";
import { CollisionWarning } from "@/components/collab/collision-warning";
import { usePresenceActivity } from "@/components/collab/presence";
import { useCollisionCheck, type WatchedRecords } from "@/components/collab/use-collision-check";
import type { PublicCannedReply } from "@/lib/canned-replies/canned-reply-input";
import { fillTemplate, unfilledVariables, type TemplateValues } from "@/lib/canned-replies/template";
import { writtenText } from "@/lib/console/normalize/written-record";
import { consoleApi } from "@/lib/console/console-api";
import { formErrors, type FormErrors } from "@/lib/console/form-errors";
import { CannedReplyPicker, matchingReplies } from "./canned-reply-picker";
import ui from "@/components/ui/ui.module.css";
import styles from "./messages.module.css";

export function SendMessageForm({
  contactId,
  label,
  channel,
  cannedReplies,
  templateValues = {},
  watch,
}: {
  contactId: string;
  label: string;
  channel?: string | null;
  /** The user's and the shared canned replies; absent: no menu. */
  cannedReplies?: PublicCannedReply[];
  templateValues?: TemplateValues;
  /** The records whose changes by others are shown before a message goes. */
  watch?: WatchedRecords;
}) {
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sent, setSent] = useState<{ at: string; text: string } | null>(null);
  const [picker, setPicker] = useState<{ filter: string; focus: number } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const collisions = useCollisionCheck(watch);
  // Others on the page see "… is replying" while a message is being written.
  const reportActivity = usePresenceActivity();
  const composing = message.trim() !== "";
  useEffect(() => {
    reportActivity("replying", composing);
    return () => reportActivity("replying", false);
  }, [composing, reportActivity]);

  const unfilled = unfilledVariables(message);
  const variableError = unfilled.length
    ? `Fill in or remove ${unfilled.join(", ")} before sending: it has no value here.`
    : undefined;

  const pick = (reply: PublicCannedReply) => {
    const filled = fillTemplate(reply.body, templateValues).text;
    // A slash command is replaced; a reply picked from the menu goes after what was typed.
    setMessage((current) =>
      picker && /^\/\S*$/.test(current.trim()) ? filled : current ? `${current}\n${filled}` : filled,
    );
    setPicker(null);
    textarea.current?.focus();
  };

  const send = async () => {
    setPending(true);
    setErrors(null);
    const answer = await consoleApi("/api/klink/v1/messages/send", {
      method: "POST",
      body: { contactId, messageType: "text", message },
    });
    setPending(false);
    if (answer.ok) {
      collisions.acknowledge();
      setSent({ at: writtenText(answer.data, "createdAt") ?? new Date().toISOString(), text: message });
      setMessage("");
    } else {
      setErrors(formErrors(answer.error, ["message", "contactId", "messageType"]));
    }
  };

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
        if (variableError) {
          setErrors({ fields: { message: [variableError] } });
          return;
        }
        if (await collisions.check()) return;
        await send();
      }}
    >
      <Field
        label={label}
        error={errors?.fields.message ?? errors?.fields.contactId ?? variableError}
        hint={`${
          channel
            ? `Sent as a text message on the contact's ${channel} channel.`
            : "Sent as a text message on the contact's channel."
        }${cannedReplies ? " Type / to insert a canned reply." : ""}`}
      >
        <textarea
          ref={textarea}
          name="message"
          value={message}
          rows={4}
          onChange={(event) => {
            const text = event.target.value;
            setMessage(text);
            if (cannedReplies) {
              const command = /^\/(\S*)$/.exec(text.trim());
              setPicker(command ? { filter: command[1], focus: 0 } : null);
            }
          }}
          onKeyDown={(event) => {
            if (!picker) return;
            if (event.key === "Escape") {
              event.preventDefault();
              setPicker(null);
            } else if (event.key === "ArrowDown") {
              event.preventDefault();
              setPicker({ ...picker, focus: picker.focus + 1 });
            } else if (event.key === "Enter" && cannedReplies) {
              const first = matchingReplies(cannedReplies, picker.filter)[0];
              if (first) {
                event.preventDefault();
                pick(first);
              }
            }
          }}
          maxLength={10_000}
        />
      </Field>
      {cannedReplies ? (
        <div className={styles.composerTools}>
          <Button
            size="small"
            aria-expanded={picker !== null}
            aria-controls="canned-reply-picker"
            onClick={() => setPicker(picker ? null : { filter: "", focus: 1 })}
          >
            Canned replies
          </Button>
        </div>
      ) : null}
      {cannedReplies && picker ? (
        <CannedReplyPicker
          replies={cannedReplies}
          filter={picker.filter}
          values={templateValues}
          focusFirst={picker.focus}
          onPick={pick}
          onClose={() => {
            setPicker(null);
            textarea.current?.focus();
          }}
        />
      ) : null}
      {collisions.changes ? (
        <CollisionWarning
          changes={collisions.changes}
          what="message"
          onProceed={async () => {
            collisions.acknowledge();
            await send();
          }}
          onCancel={collisions.dismiss}
        />
      ) : null}
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
