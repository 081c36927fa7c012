import "server-only";
// A destination as the admin API and pages show it: the static header only by name and the
// signing secret only as a hint (the secret itself is shown once, when made).
import { decryptSecret } from "../crypto/secret-box";
import { secretHint } from "./signing";
import { stringList } from "./event-filter";
import type { ForwardDestination } from "../db/generated/sqlite/client";

export type DestinationRow = ForwardDestination;

export function toPublicDestination(row: DestinationRow, now = new Date()) {
  const rotating = row.previousSecretCiphertext && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    enabled: row.enabled,
    eventTypes: stringList(row.eventTypes),
    connectionIds: stringList(row.connectionIds),
    header: row.headerName ? { name: row.headerName, valueSet: Boolean(row.headerValueCiphertext) } : null,
    signingSecretHint: secretHint(decryptSecret(row.secretCiphertext)),
    previousSecretValidUntil: rotating ? row.previousSecretExpiresAt!.toISOString() : null,
    rateLimitPerSecond: row.rateLimitPerSecond,
    timeoutMs: row.timeoutMs,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PublicDestination = ReturnType<typeof toPublicDestination>;

/** What the audit log keeps of a destination: everything shown, never a secret. */
export function destinationSnapshot(view: PublicDestination) {
  return {
    name: view.name,
    url: view.url,
    enabled: view.enabled,
    eventTypes: view.eventTypes,
    connectionIds: view.connectionIds,
    header: view.header,
    previousSecretValidUntil: view.previousSecretValidUntil,
    rateLimitPerSecond: view.rateLimitPerSecond,
    timeoutMs: view.timeoutMs,
    disabledReason: view.disabledReason,
  };
}
