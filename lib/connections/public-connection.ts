import "server-only";
// A connection as the admin API and pages show it: the token only as "kpt_…" plus its last 4
// characters, webhook secrets only as set/last-4 hints.
import { env } from "../env";
import { decryptWebhook, webhookHints } from "./webhook-config";

export type ConnectionRow = {
  id: string;
  name: string;
  baseUrl: string;
  tokenLast4: string;
  isDefault: boolean;
  webhookMode: string;
  webhookCiphertext: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Shown characters must leave most of a token unknown. */
const TOKEN_HINT_MIN_HIDDEN = 12;

/** The last 4 characters kept for the hint: none for a token with 12 characters or fewer after kpt_. */
export function tokenLast4(token: string): string {
  return token.length - "kpt_".length - 4 >= TOKEN_HINT_MIN_HIDDEN ? token.slice(-4) : "";
}

export function tokenHint(last4: string): string {
  return `kpt_…${last4}`;
}

export function toPublicConnection(row: ConnectionRow) {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    isDefault: row.isDefault,
    tokenHint: tokenHint(row.tokenLast4),
    webhook: {
      // Where K-LINK must deliver this connection's events.
      url: `${env().NEXTAUTH_URL.replace(/\/+$/, "")}/api/webhooks/klink/${row.id}`,
      ...webhookHints(decryptWebhook(row.webhookMode, row.webhookCiphertext)),
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PublicConnection = ReturnType<typeof toPublicConnection>;

/** For audit before/after. Secrets are not in it at all (the audit log would mask them anyway). */
export function connectionSnapshot(view: PublicConnection) {
  return { name: view.name, baseUrl: view.baseUrl, isDefault: view.isDefault, webhookMode: view.webhook.mode };
}
