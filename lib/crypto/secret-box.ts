import "server-only";
// Encryption at rest for K-LINK tokens and webhook secrets: AES-256-GCM with APP_ENCRYPTION_KEY.
// Every ciphertext names the key that made it ("v1.<kid>.<iv>.<tag>.<data>", kid = the first 8 hex
// of sha256(key)), so after a rotation APP_ENCRYPTION_KEY_PREVIOUS still decrypts old rows until
// `npm run keys:rotate` has re-encrypted them with the new key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";

const VERSION = "v1";
const IV_BYTES = 12;

type Key = { id: string; bytes: Buffer };

export class SecretBoxError extends Error {
  readonly name = "SecretBoxError";
}

export function keyIdOf(keyBytes: Buffer): string {
  return createHash("sha256").update(keyBytes).digest("hex").slice(0, 8);
}

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  return { id: keyIdOf(bytes), bytes };
}

/** The current key and, during a rotation, the previous one. */
export function encryptionKeys(config: { APP_ENCRYPTION_KEY: string; APP_ENCRYPTION_KEY_PREVIOUS?: string } = env()): {
  current: Key;
  previous?: Key;
} {
  return {
    current: toKey(config.APP_ENCRYPTION_KEY),
    previous: config.APP_ENCRYPTION_KEY_PREVIOUS ? toKey(config.APP_ENCRYPTION_KEY_PREVIOUS) : undefined,
  };
}

export function encryptSecret(plaintext: string, keys = encryptionKeys()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.current.bytes, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    keys.current.id,
    iv.toString("base64url"),
    tag.toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

export function decryptSecret(ciphertext: string, keys = encryptionKeys()): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError("Not a ciphertext made by this console.");
  const [, keyId, iv, tag, data] = parts;
  const key = [keys.current, keys.previous].find((k) => k?.id === keyId);
  if (!key) {
    throw new SecretBoxError(
      `A secret was encrypted with a key that is not configured (key id ${keyId}). Set APP_ENCRYPTION_KEY_PREVIOUS to the old key.`,
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(`A secret could not be decrypted with key ${keyId}: the ciphertext was altered.`);
  }
}

/** The id of the key a ciphertext was made with. */
export function ciphertextKeyId(ciphertext: string): string | undefined {
  const parts = ciphertext.split(".");
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}

/** Decrypts with whichever configured key made it and encrypts again with the current key. */
export function reencryptSecret(ciphertext: string, keys = encryptionKeys()): string {
  return ciphertextKeyId(ciphertext) === keys.current.id
    ? ciphertext
    : encryptSecret(decryptSecret(ciphertext, keys), keys);
}
