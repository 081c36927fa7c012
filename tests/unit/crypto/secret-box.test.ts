import { describe, expect, it } from "vitest";
import {
  ciphertextKeyId,
  decryptSecret,
  encryptSecret,
  encryptionKeys,
  keyIdOf,
  reencryptSecret,
} from "../../../lib/crypto/secret-box";

const oldKey = Buffer.alloc(32, 1).toString("base64");
const newKey = Buffer.alloc(32, 2).toString("base64");
const token = "kpt_0123456789abcdefSECRET";

describe("secret box", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const keys = encryptionKeys({ APP_ENCRYPTION_KEY: oldKey });
    const box = encryptSecret(token, keys);
    expect(box).not.toContain("SECRET");
    expect(box).not.toContain(Buffer.from(token).toString("base64"));
    expect(decryptSecret(box, keys)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const keys = encryptionKeys({ APP_ENCRYPTION_KEY: oldKey });
    expect(encryptSecret(token, keys)).not.toBe(encryptSecret(token, keys));
  });

  it("names the key in the ciphertext: the first 8 hex of its sha256", () => {
    const box = encryptSecret(token, encryptionKeys({ APP_ENCRYPTION_KEY: oldKey }));
    expect(box.split(".")[0]).toBe("v1");
    expect(ciphertextKeyId(box)).toBe(keyIdOf(Buffer.from(oldKey, "base64")));
    expect(ciphertextKeyId(box)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("still decrypts with the previous key after a rotation, and re-encrypts with the current one", () => {
    const box = encryptSecret(token, encryptionKeys({ APP_ENCRYPTION_KEY: oldKey }));
    const rotated = encryptionKeys({ APP_ENCRYPTION_KEY: newKey, APP_ENCRYPTION_KEY_PREVIOUS: oldKey });
    expect(decryptSecret(box, rotated)).toBe(token);
    const again = reencryptSecret(box, rotated);
    expect(ciphertextKeyId(again)).toBe(rotated.current.id);
    expect(decryptSecret(again, encryptionKeys({ APP_ENCRYPTION_KEY: newKey }))).toBe(token);
    expect(reencryptSecret(again, rotated)).toBe(again);
  });

  it("refuses a ciphertext of an unknown key, naming the variable to set", () => {
    const box = encryptSecret(token, encryptionKeys({ APP_ENCRYPTION_KEY: oldKey }));
    expect(() => decryptSecret(box, encryptionKeys({ APP_ENCRYPTION_KEY: newKey }))).toThrow(
      /APP_ENCRYPTION_KEY_PREVIOUS/,
    );
  });

  it("refuses a tampered ciphertext", () => {
    const keys = encryptionKeys({ APP_ENCRYPTION_KEY: oldKey });
    const parts = encryptSecret(token, keys).split(".");
    const data = Buffer.from(parts[4], "base64url");
    data[0] ^= 1;
    parts[4] = data.toString("base64url");
    expect(() => decryptSecret(parts.join("."), keys)).toThrow(/altered/);
  });
});
