// The webhook part of the connection forms. Secret inputs are always empty: a value is only
// ever written, never shown.
import { WEBHOOK_MODES } from "@/lib/connections/connection-input";
import { Field, Select } from "../_components/action-form";
import styles from "../admin.module.css";

export function WebhookFields({ mode, existing }: { mode?: string; existing?: boolean }) {
  const keep = existing ? " (empty = keep)" : "";
  return (
    <fieldset style={{ border: 0, padding: 0, display: "contents" }}>
      <input type="hidden" name="currentWebhookMode" value={mode ?? "hmac"} />
      <Select label="Webhook verification" name="webhookMode" options={WEBHOOK_MODES} defaultValue={mode ?? "hmac"} />
      <Field label={`Signing secret (hmac)${keep}`} name="webhookSecret" type="password" autoComplete="new-password" />
      {existing ? (
        <label className={styles.check}>
          <input type="checkbox" name="clearPreviousSecret" /> Stop accepting the previous secret
        </label>
      ) : null}
      <Field label="User name (basic)" name="webhookUsername" />
      <Field label={`Password (basic)${keep}`} name="webhookPassword" type="password" autoComplete="new-password" />
      <Field label="Header name (header)" name="webhookHeaderName" />
      <Field label={`Header value (header)${keep}`} name="webhookHeaderValue" type="password" autoComplete="new-password" />
    </fieldset>
  );
}
