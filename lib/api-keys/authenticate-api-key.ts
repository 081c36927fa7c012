import "server-only";
// Bearer kc_... authentication. The key acts with its owner's current role and status; revoked
// and expired keys are refused. The lookup is by the key's sha256, and the stored hash is then
// compared in constant time before anything is trusted. Rows are kept for a few seconds
// (api-key-cache.ts).
import { timingSafeEqual } from "node:crypto";
import { db } from "../db/client";
import { unauthorized } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { activeUser } from "../auth/current-user";
import { cachedApiKey, noteApiKeyUse, rememberApiKey, type CachedApiKey } from "./api-key-cache";
import { hashApiKey, looksLikeApiKey } from "./api-key-format";

// lastUsedAt is a hint for the key list; writing it on every call would make every read a write.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey(key: string): Promise<Actor> {
  if (!looksLikeApiKey(key)) throw unauthorized("This is not a valid API key.");
  const keyHash = hashApiKey(key);
  let row: CachedApiKey | null | undefined = cachedApiKey(keyHash);
  if (!row) {
    row = await db().apiKey.findUnique({
      where: { keyHash },
      select: { id: true, userId: true, keyHash: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
    if (row) rememberApiKey(row);
  }
  if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(keyHash)))
    throw unauthorized("This API key is not valid.");
  if (row.revokedAt) throw unauthorized("This API key has been revoked.");
  const now = new Date();
  if (row.expiresAt && row.expiresAt <= now) throw unauthorized("This API key has expired.");
  const user = await activeUser(row.userId);
  if (!user) throw unauthorized("The owner of this API key is deactivated.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    noteApiKeyUse(row, now);
  }
  return { type: "api_key", apiKeyId: row.id, ...user };
}
