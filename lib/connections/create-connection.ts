import "server-only";
// Adds a K-LINK connection. The token and webhook secrets are encrypted before they reach the
// database. The first connection, or one created with isDefault, becomes the default.
import { db } from "../db/client";
import { conflict } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { encryptSecret } from "../crypto/secret-box";
import { DEFAULT_KLINK_BASE_URL } from "./base-url";
import { forgetCachedConnections } from "./connection-cache";
import { createConnectionSchema, type CreateConnectionInput } from "./connection-input";
import { connectionSnapshot, tokenLast4, toPublicConnection } from "./public-connection";
import { applyWebhookInput, encryptWebhook } from "./webhook-config";

export async function createConnection(actor: Actor, input: CreateConnectionInput, audit: Audit) {
  assertRole(actor, "admin");
  return insertConnection(input, audit);
}

/** Without a role check: for the demo seed and tests that set up data. */
export async function insertConnection(input: CreateConnectionInput, audit: Audit) {
  const data = createConnectionSchema.parse(input);
  const webhook = data.webhook ? applyWebhookInput(undefined, data.webhook) : { mode: "hmac" as const, stored: {} };
  if (await db().klinkConnection.findUnique({ where: { name: data.name }, select: { id: true } })) {
    throw conflict(`A connection named "${data.name}" already exists.`);
  }
  const row = await db().$transaction(async (tx) => {
    const isDefault = data.isDefault === true || (await tx.klinkConnection.count()) === 0;
    if (isDefault) await tx.klinkConnection.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    return tx.klinkConnection.create({
      data: {
        name: data.name,
        baseUrl: data.baseUrl ?? DEFAULT_KLINK_BASE_URL,
        tokenCiphertext: encryptSecret(data.token),
        tokenLast4: tokenLast4(data.token),
        isDefault,
        webhookMode: webhook.mode,
        webhookCiphertext: encryptWebhook(webhook.stored),
      },
    });
  });
  forgetCachedConnections();
  const view = toPublicConnection(row);
  await audit({
    action: "connection.create",
    outcome: "success",
    target: { type: "connection", id: row.id },
    connectionId: row.id,
    after: connectionSnapshot(view),
  });
  return view;
}
