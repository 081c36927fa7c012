import "server-only";
// Changes a connection. A token in the body replaces the stored one (there is no other way to
// see or change it); webhook changes are merged into the stored settings.
import { db } from "../db/client";
import { badRequest, conflict, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { encryptSecret } from "../crypto/secret-box";
import { forgetCircuit } from "../resilience/circuit-breakers";
import { forgetCachedConnections } from "./connection-cache";
import { updateConnectionSchema, type UpdateConnectionInput } from "./connection-input";
import { connectionSnapshot, tokenLast4, toPublicConnection } from "./public-connection";
import { applyWebhookInput, decryptWebhook, encryptWebhook } from "./webhook-config";

export async function updateConnection(actor: Actor, id: string, input: UpdateConnectionInput, audit: Audit) {
  assertRole(actor, "admin");
  const patch = updateConnectionSchema.parse(input);
  const current = await db().klinkConnection.findUnique({ where: { id } });
  if (!current) throw notFound("No K-LINK connection has this id.");
  if (patch.isDefault === false && current.isDefault) {
    throw badRequest("A default connection is needed.", {
      "body.isDefault": ["make another connection the default instead"],
    });
  }
  if (
    patch.name &&
    patch.name !== current.name &&
    (await db().klinkConnection.findUnique({ where: { name: patch.name }, select: { id: true } }))
  ) {
    throw conflict(`A connection named "${patch.name}" already exists.`);
  }
  const webhook = patch.webhook
    ? applyWebhookInput(decryptWebhook(current.webhookMode, current.webhookCiphertext), patch.webhook)
    : undefined;
  const row = await db().$transaction(async (tx) => {
    if (patch.isDefault)
      await tx.klinkConnection.updateMany({ where: { isDefault: true, id: { not: id } }, data: { isDefault: false } });
    return tx.klinkConnection.update({
      where: { id },
      data: {
        name: patch.name,
        baseUrl: patch.baseUrl,
        isDefault: patch.isDefault,
        ...(patch.token ? { tokenCiphertext: encryptSecret(patch.token), tokenLast4: tokenLast4(patch.token) } : {}),
        ...(webhook ? { webhookMode: webhook.mode, webhookCiphertext: encryptWebhook(webhook.stored) } : {}),
      },
    });
  });
  forgetCachedConnections();
  // Another K-LINK, or another token: the faults counted against the old ones say nothing about it.
  if (patch.token || (patch.baseUrl && patch.baseUrl !== current.baseUrl)) forgetCircuit(id);
  const before = toPublicConnection(current);
  const after = toPublicConnection(row);
  // Which write-only values were replaced, by name only.
  const replaced = [
    ...(patch.token ? ["token"] : []),
    ...Object.keys(patch.webhook ?? {})
      .filter((k) => k !== "mode")
      .map((k) => `webhook.${k}`),
  ];
  await audit({
    action: "connection.update",
    outcome: "success",
    target: { type: "connection", id },
    connectionId: id,
    before: connectionSnapshot(before),
    after: { ...connectionSnapshot(after), ...(replaced.length ? { replaced } : {}) },
  });
  return after;
}
