import "server-only";
// A signed-in user creates a personal API key. The key is returned once and stored only as a
// hash. Keys cannot mint keys: a leaked key must not be able to outlive its own revocation.
import { db } from "../db/client";
import { forbidden } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { generateApiKey } from "./api-key-format";
import { createApiKeySchema, type CreateApiKeyInput } from "./api-key-input";
import { apiKeySelect, toPublicApiKey } from "./public-api-key";

export async function createApiKey(actor: Actor, input: CreateApiKeyInput, audit: Audit) {
  assertRole(actor, "viewer");
  if (actor.type === "api_key")
    throw forbidden("API keys cannot create API keys. Sign in to the console to create one.");
  const { name, expiresAt } = createApiKeySchema.parse(input);
  const { key, keyHash, prefix } = generateApiKey();
  const row = await db().apiKey.create({
    data: { userId: actor.userId, name, keyHash, prefix, expiresAt },
    select: apiKeySelect,
  });
  const view = toPublicApiKey(row);
  await audit({
    action: "api_key.create",
    outcome: "success",
    target: { type: "api_key", id: row.id },
    after: { name, prefix, expiresAt: view.expiresAt },
  });
  return { ...view, key };
}
