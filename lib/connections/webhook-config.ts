import "server-only";
// A connection's webhook verification settings. The mode is a plain column; everything else
// (secrets, and the user name and header name that go with them) is one encrypted JSON document.
import { badRequest } from "../errors/api-error";
import type { WebhookMode } from "./webhook-settings";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import type { WebhookInput } from "./connection-input";

export type StoredWebhook = {
  secret?: string;
  previousSecret?: string;
  username?: string;
  password?: string;
  headerName?: string;
  headerValue?: string;
};

export type WebhookConfig = { mode: WebhookMode; stored: StoredWebhook };

const FIELDS_OF_MODE: Record<WebhookMode, (keyof WebhookInput)[]> = {
  hmac: ["secret", "clearPreviousSecret"],
  basic: ["username", "password"],
  header: ["headerName", "headerValue"],
  none: [],
};
const REQUIRED_OF_MODE: Record<WebhookMode, (keyof StoredWebhook)[]> = {
  hmac: ["secret"],
  basic: ["username", "password"],
  header: ["headerName", "headerValue"],
  none: [],
};

export function decryptWebhook(mode: string, ciphertext: string | null): WebhookConfig {
  return {
    mode: mode as WebhookMode,
    stored: ciphertext ? (JSON.parse(decryptSecret(ciphertext)) as StoredWebhook) : {},
  };
}

export function encryptWebhook(stored: StoredWebhook): string | null {
  return Object.keys(stored).length ? encryptSecret(JSON.stringify(stored)) : null;
}

/**
 * Applies a webhook change to the current settings. Switching mode drops the old mode's
 * secrets; a new hmac secret keeps the previous one valid (rotation) until clearPreviousSecret.
 * Throws a field-level 400 for fields the mode does not use or a missing required one.
 */
export function applyWebhookInput(current: WebhookConfig | undefined, input: WebhookInput): WebhookConfig {
  const mode = input.mode ?? current?.mode ?? "hmac";
  const fields: Record<string, string[]> = {};
  for (const key of Object.keys(input) as (keyof WebhookInput)[]) {
    if (key !== "mode" && input[key] !== undefined && !FIELDS_OF_MODE[mode].includes(key))
      (fields[`body.webhook.${key}`] ??= []).push(`is not used by mode ${mode}`);
  }
  const kept: StoredWebhook = current && current.mode === mode ? { ...current.stored } : {};
  const next: StoredWebhook = { ...kept };
  if (input.secret !== undefined && input.secret !== kept.secret) {
    if (kept.secret) next.previousSecret = kept.secret;
    next.secret = input.secret;
  }
  if (input.clearPreviousSecret) delete next.previousSecret;
  for (const key of ["username", "password", "headerName", "headerValue"] as const) {
    if (input[key] !== undefined) next[key] = input[key];
  }
  for (const key of REQUIRED_OF_MODE[mode]) {
    if (!next[key]) (fields[`body.webhook.${key}`] ??= []).push(`is required for mode ${mode}`);
  }
  if (Object.keys(fields).length) throw badRequest("The webhook settings are not complete.", fields);
  return { mode, stored: next };
}

const SECRET_HINT_MIN_LENGTH = 16;

/** The last 4 characters of a secret of 16 or more, else null: a hint must not give away a quarter of a short one. */
export function secretLast4(secret: string | undefined): string | null {
  return secret && secret.length >= SECRET_HINT_MIN_LENGTH ? secret.slice(-4) : null;
}

/** What may be shown of the settings: never a secret, only whether it is set and, for a long one, its last 4. */
export function webhookHints(config: WebhookConfig) {
  const { stored } = config;
  return {
    mode: config.mode,
    secretSet: Boolean(stored.secret),
    secretLast4: secretLast4(stored.secret),
    previousSecretSet: Boolean(stored.previousSecret),
    username: stored.username ?? null,
    passwordSet: Boolean(stored.password),
    headerName: stored.headerName ?? null,
    headerValueSet: Boolean(stored.headerValue),
  };
}
