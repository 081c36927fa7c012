import "server-only";
// Revokes an API key: its owner may, and so may any admin. Someone else's key answers 404, so
// key ids reveal nothing. Revoking twice is harmless.
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast } from "../identity/roles";
import type { Audit } from "../audit/request-audit";
import { forgetCachedApiKey } from "./api-key-cache";
import { apiKeySelect, toPublicApiKey } from "./public-api-key";

export async function revokeApiKey(actor: Actor, id: string, audit: Audit) {
  assertRole(actor, "viewer");
  const row = await db().apiKey.findUnique({ where: { id }, select: apiKeySelect });
  if (!row || (row.userId !== actor.userId && !roleAtLeast(actor.role, "admin")))
    throw notFound("You have no API key with this id.");
  if (row.revokedAt) return toPublicApiKey(row);
  const revoked = await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: apiKeySelect });
  forgetCachedApiKey(id);
  await audit({
    action: "api_key.revoke",
    outcome: "success",
    target: { type: "api_key", id },
    before: { name: row.name, prefix: row.prefix, owner: row.userId, status: "active" },
    after: { status: "revoked" },
  });
  return toPublicApiKey(revoked);
}
