import "server-only";
// Key rotation: re-encrypts every connection's token and webhook secrets with the current
// APP_ENCRYPTION_KEY (decrypting with APP_ENCRYPTION_KEY_PREVIOUS where needed). Safe to run
// again: ciphertexts already under the current key are left alone.
import { db } from "../db/client";
import type { Audit } from "../audit/request-audit";
import { reencryptSecret } from "../crypto/secret-box";
import { forgetCachedConnections } from "./connection-cache";

export async function reencryptConnections(audit: Audit): Promise<{ connections: number; reencrypted: number }> {
  const rows = await db().klinkConnection.findMany({
    select: { id: true, tokenCiphertext: true, webhookCiphertext: true },
  });
  let reencrypted = 0;
  for (const row of rows) {
    const tokenCiphertext = reencryptSecret(row.tokenCiphertext);
    const webhookCiphertext = row.webhookCiphertext ? reencryptSecret(row.webhookCiphertext) : null;
    if (tokenCiphertext === row.tokenCiphertext && webhookCiphertext === row.webhookCiphertext) continue;
    await db().klinkConnection.update({ where: { id: row.id }, data: { tokenCiphertext, webhookCiphertext } });
    reencrypted++;
  }
  forgetCachedConnections();
  await audit({ action: "crypto.reencrypt", outcome: "success", details: { connections: rows.length, reencrypted } });
  return { connections: rows.length, reencrypted };
}
