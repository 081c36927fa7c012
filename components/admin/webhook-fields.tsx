"use client";
// The webhook part of the connection forms: how the console checks that a delivery really comes
// from K-LINK. Only the chosen mode's fields are shown (and sent). Secret inputs are always
// empty: a value is only ever written, never shown.
import { useState } from "react";
import { ActionField } from "./action-field";
import styles from "./admin.module.css";

const MODES = [
  {
    value: "hmac",
    label: "Signed (HMAC signing secret)",
    hint: "K-LINK signs each delivery with the secret; the console checks the signature.",
  },
  { value: "basic", label: "Basic authentication", hint: "K-LINK sends a user name and password with each delivery." },
  { value: "header", label: "Secret header", hint: "K-LINK sends a header whose value only it and the console know." },
  {
    value: "none",
    label: "No verification",
    hint: "Deliveries are refused unless the console allows unauthenticated webhooks (demo only).",
  },
] as const;

export function WebhookFields({ mode: initialMode, existing }: { mode?: string; existing?: boolean }) {
  const [mode, setMode] = useState(initialMode ?? "hmac");
  const keep = existing ? "Leave empty to keep the stored value." : undefined;
  return (
    <fieldset className={styles.fieldset}>
      <legend>Webhook verification</legend>
      <input type="hidden" name="currentWebhookMode" value={initialMode ?? "hmac"} />
      <ActionField label="Mode" hint={MODES.find((m) => m.value === mode)?.hint} errorKey="webhook.mode">
        <select name="webhookMode" value={mode} onChange={(event) => setMode(event.target.value)}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </ActionField>
      {mode === "hmac" ? (
        <>
          <ActionField
            label="Signing secret"
            hint={
              existing
                ? "A new secret keeps the previous one valid until you stop accepting it. Leave empty to keep the stored one."
                : "At least 8 characters; give K-LINK the same secret."
            }
            errorKey="webhook.secret"
          >
            <input name="webhookSecret" type="password" autoComplete="new-password" />
          </ActionField>
          {existing ? (
            <label className={styles.check}>
              <input type="checkbox" name="clearPreviousSecret" /> Stop accepting the previous secret
            </label>
          ) : null}
        </>
      ) : null}
      {mode === "basic" ? (
        <>
          <ActionField label="User name" errorKey="webhook.username">
            <input name="webhookUsername" autoComplete="off" />
          </ActionField>
          <ActionField label="Password" hint={keep} errorKey="webhook.password">
            <input name="webhookPassword" type="password" autoComplete="new-password" />
          </ActionField>
        </>
      ) : null}
      {mode === "header" ? (
        <>
          <ActionField label="Header name" hint="e.g. x-webhook-token" errorKey="webhook.headerName">
            <input name="webhookHeaderName" autoComplete="off" />
          </ActionField>
          <ActionField label="Header value" hint={keep} errorKey="webhook.headerValue">
            <input name="webhookHeaderValue" type="password" autoComplete="new-password" />
          </ActionField>
        </>
      ) : null}
    </fieldset>
  );
}
