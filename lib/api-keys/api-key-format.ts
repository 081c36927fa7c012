import "server-only";
// Personal API keys: "kc_" + 32 random bytes (base64url). Only the sha256 of a key is stored;
// the key itself is shown once. The first characters are kept so a user can tell keys apart.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "kc_";
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const API_KEY_PATTERN = /^kc_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, keyHash: hashApiKey(key), prefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}
